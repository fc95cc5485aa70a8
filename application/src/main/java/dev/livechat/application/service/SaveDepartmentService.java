package dev.livechat.application.service;

import dev.livechat.application.port.in.Caller;
import dev.livechat.application.port.in.CreateDepartmentCommand;
import dev.livechat.application.port.in.CreateDepartmentUseCase;
import dev.livechat.application.port.in.DepartmentAgentData;
import dev.livechat.application.port.in.DepartmentData;
import dev.livechat.application.port.in.DepartmentDetails;
import dev.livechat.application.port.in.UpdateDepartmentCommand;
import dev.livechat.application.port.in.UpdateDepartmentUseCase;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.DepartmentRepository.AgentLink;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.error.PermissionDeniedException;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.user.Permission;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates and updates departments (contract 4.7 POST and PUT): unique names, and agent links for the listed users
 * that are agents (others are skipped, as Rocket.Chat skips unknown users).
 */
public final class SaveDepartmentService implements CreateDepartmentUseCase, UpdateDepartmentUseCase {

    private final DepartmentRepository departments;
    private final UserRepository users;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final CandidateListener candidates;

    public SaveDepartmentService(DepartmentRepository departments, UserRepository users, IdGenerator ids,
                                 TransactionRunner tx, Clock clock, CandidateListener candidates) {
        this.departments = Objects.requireNonNull(departments, "departments");
        this.users = Objects.requireNonNull(users, "users");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
    }

    @Override
    public DepartmentDetails createDepartment(CreateDepartmentCommand command) {
        requireManage(command.caller());
        DepartmentData data = requireName(command.department());
        List<AgentLink> links = links(command.agents());
        DepartmentId id = new DepartmentId(ids.newId());
        DepartmentDetails saved = unitOfWork.run(() -> {
            Department department = department(id, data, Time.now(clock));
            if (departments.findByName(data.name()).isPresent()) {
                throw Errors.duplicatedDepartmentName();
            }
            // the department row first: a concurrent creation of the same name fails here, before any link
            insertOrUpdate(() -> departments.insert(department));
            if (!links.isEmpty()) {
                departments.replaceAgents(id, links);
            }
            return details(department);
        });
        announce(saved);
        return saved;
    }

    @Override
    public DepartmentDetails updateDepartment(UpdateDepartmentCommand command) {
        requireManage(command.caller());
        DepartmentData data = requireName(command.department());
        List<AgentLink> links = command.agents() == null ? null : links(command.agents());
        Optional<DepartmentId> id = DepartmentId.parse(command.departmentId());
        DepartmentDetails saved = unitOfWork.run(() -> {
            Department existing = id.flatMap(departments::findById).orElseThrow(Errors::departmentNotFound);
            boolean nameTaken = departments.findByName(data.name())
                    .filter(other -> !other.id().equals(existing.id()))
                    .isPresent();
            if (nameTaken) {
                throw Errors.duplicatedDepartmentName();
            }
            Department department = department(existing.id(), data, Time.now(clock));
            insertOrUpdate(() -> departments.update(department));
            if (links != null) {
                departments.replaceAgents(department.id(), links);
            }
            return details(department);
        });
        announce(saved);
        return saved;
    }

    private static void requireManage(Caller caller) {
        if (!caller.has(Permission.MANAGE_LIVECHAT_DEPARTMENTS)) {
            throw PermissionDeniedException.routePermission();
        }
    }

    /** The HTTP schema refuses blank names already; an embedder calling the use case gets the same answer. */
    private static DepartmentData requireName(DepartmentData data) {
        Objects.requireNonNull(data, "department");
        if (data.name() == null || data.name().isBlank()) {
            throw BusinessRuleException.invalidParams("must NOT have fewer than 1 characters");
        }
        if (data.email() == null) {
            throw BusinessRuleException.invalidParams("must have required property 'email'");
        }
        return data;
    }

    private static Department department(DepartmentId id, DepartmentData data, Instant now) {
        return new Department(id, data.enabled(), data.name(), data.description(), data.showOnRegistration(),
                data.showOnOfflineForm(), data.email(), now);
    }

    private static void insertOrUpdate(Runnable write) {
        try {
            write.run();
        } catch (UniqueConstraintViolation e) {
            if (e.constraint() == UniqueConstraintViolation.Constraint.DEPARTMENT_NAME) {
                throw Errors.duplicatedDepartmentName();
            }
            throw e;
        }
    }

    /** Links for the listed users that exist and hold the agent role, first entry per agent; others are skipped. */
    private List<AgentLink> links(List<DepartmentAgentData> agents) {
        List<AgentLink> links = new ArrayList<>();
        if (agents == null) {
            return links;
        }
        for (DepartmentAgentData agent : agents) {
            Optional<User> user = UserId.parse(agent.agentId()).flatMap(users::findById).filter(User::isAgent);
            if (user.isPresent() && links.stream().noneMatch(l -> l.agentId().equals(user.get().id()))) {
                links.add(new AgentLink(user.get().id(), user.get().username(),
                        agent.count() == null ? 0 : agent.count(), agent.order() == null ? 0 : agent.order()));
            }
        }
        return links;
    }

    private DepartmentDetails details(Department department) {
        List<DepartmentAgent> agents = departments.findAgents(department.id());
        return new DepartmentDetails(department, agents.size(), agents);
    }

    /** An enabled department with agents may make queued rooms routable: the queue drain decides (contract 6.5). */
    private void announce(DepartmentDetails saved) {
        if (saved.department().enabled() && !saved.agents().isEmpty()) {
            candidates.candidateMayHaveArrived(saved.agents().get(0).agentId());
        }
    }
}
