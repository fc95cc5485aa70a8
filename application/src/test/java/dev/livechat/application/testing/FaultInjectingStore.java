package dev.livechat.application.testing;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.domain.error.StoreUnavailableException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps every out-port of a store in a {@link Proxy} that counts calls and can make the n-th call fail with
 * {@link StoreUnavailableException}, as if the store went away in the middle of a use case. Built from the components
 * of {@link StorePorts} by reflection, so ports and methods added later are covered without changes here.
 *
 * <pre>{@code
 * FaultInjectingStore faults = FaultInjectingStore.around(stores.stores());
 * services = wire(faults.ports(), ...);
 * faults.failAtCall(3);          // the third port call from now on throws
 * ... run a use case ...
 * faults.disarm();
 * }</pre>
 */
public final class FaultInjectingStore {

    /** The message of every injected failure. */
    public static final String INJECTED = "injected store failure";

    private final StorePorts ports;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failAt;
    private final List<String> trace = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile StackTraceElement[] failedCall = new StackTraceElement[0];

    private FaultInjectingStore(StorePorts target) {
        this.ports = proxy(Objects.requireNonNull(target, "target"));
    }

    /** Wraps every port of {@code target}; no call fails until {@link #failAtCall(int)}. */
    public static FaultInjectingStore around(StorePorts target) {
        return new FaultInjectingStore(target);
    }

    /** The wrapped ports, to wire the services with. */
    public StorePorts ports() {
        return ports;
    }

    /** Counts from zero again and makes the {@code n}-th port call from now on (1-based) fail. */
    public void failAtCall(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        calls.set(0);
        failures.set(0);
        trace.clear();
        failedCall = new StackTraceElement[0];
        failAt = n;
    }

    /** No further call fails; counting goes on. */
    public void disarm() {
        failAt = 0;
    }

    /** Port calls since the last {@link #failAtCall(int)}. */
    public int calls() {
        return calls.get();
    }

    /** How many calls failed since the last {@link #failAtCall(int)}. */
    public int failures() {
        return failures.get();
    }

    /** Where the injected failure was thrown: the callers of the failed port call (empty before any failure). */
    public List<StackTraceElement> failedCallStack() {
        return List.of(failedCall);
    }

    /** The calls since the last {@link #failAtCall(int)}, as {@code Port.method}, the failed one marked with {@code !}. */
    public List<String> trace() {
        return new ArrayList<>(trace);
    }

    private StorePorts proxy(StorePorts target) {
        RecordComponent[] components = StorePorts.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] proxies = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Class<?> type = components[i].getType();
                Object port = components[i].getAccessor().invoke(target);
                types[i] = type;
                proxies[i] = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                        (proxy, method, args) -> call(type, port, method, args));
            }
            Constructor<StorePorts> canonical = StorePorts.class.getDeclaredConstructor(types);
            return canonical.newInstance(proxies);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot wrap the ports of " + target, e);
        }
    }

    private Object call(Class<?> type, Object port, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(port, args);
        }
        int n = calls.incrementAndGet();
        String name = type.getSimpleName() + "." + method.getName();
        if (n == failAt) {
            failures.incrementAndGet();
            trace.add(name + "!");
            StoreUnavailableException failure = new StoreUnavailableException(INJECTED + " at call " + n + " (" + name
                    + ")", null);
            failedCall = Thread.currentThread().getStackTrace(); // domain exceptions carry no stack trace
            throw failure;
        }
        trace.add(name);
        try {
            return method.invoke(port, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
