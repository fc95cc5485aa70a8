package dev.livechat.application.testing;

import dev.livechat.application.port.out.StorePorts;
import dev.livechat.domain.error.StoreUnavailableException;
import dev.livechat.domain.shared.VisitorToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectingStoreTest {

    private final InMemoryStores stores = new InMemoryStores();
    private final FaultInjectingStore faults = FaultInjectingStore.around(stores.stores());

    @Test
    void wraps_every_port_of_the_record() throws Exception {
        for (RecordComponent component : StorePorts.class.getRecordComponents()) {
            assertThat(Proxy.isProxyClass(component.getAccessor().invoke(faults.ports()).getClass()))
                    .as(component.getName()).isTrue();
        }
    }

    @Test
    void the_chosen_call_fails_and_the_others_reach_the_store() {
        VisitorToken token = new VisitorToken("t1");
        faults.failAtCall(2);

        assertThat(faults.ports().visitors().findByToken(token)).isEmpty();
        assertThatThrownBy(() -> faults.ports().rooms().findOpenByVisitorToken(token))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage(FaultInjectingStore.INJECTED + " at call 2 (RoomRepository.findOpenByVisitorToken)");
        assertThat(faults.ports().visitors().findByToken(token)).isEmpty();

        assertThat(faults.calls()).isEqualTo(3);
        assertThat(faults.failures()).isEqualTo(1);
        assertThat(faults.trace()).containsExactly("VisitorRepository.findByToken",
                "RoomRepository.findOpenByVisitorToken!", "VisitorRepository.findByToken");
    }

    @Test
    void a_unit_of_work_counts_as_a_call_and_so_does_each_call_inside() {
        faults.failAtCall(100);
        faults.ports().transactions().inTransaction(() -> faults.ports().visitors().findByToken(new VisitorToken("t")));

        assertThat(faults.trace()).containsExactly("TransactionRunner.inTransaction", "VisitorRepository.findByToken");
        faults.disarm();
        assertThat(faults.failures()).isZero();
    }
}
