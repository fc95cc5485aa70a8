package dev.livechat.application.service;

import dev.livechat.application.port.in.RegisterVisitorCommand;
import dev.livechat.application.port.in.RegisterVisitorUseCase;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.error.BusinessRuleException;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.visitor.EmailAddress;
import dev.livechat.domain.visitor.Visitor;
import dev.livechat.domain.visitor.VisitorProfile;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers a visitor under its token, or updates the visitor holding that token; the token is the identity, and a
 * new name follows into the visitor's open rooms and their inquiries (contract 4.8).
 */
public final class RegisterVisitorService implements RegisterVisitorUseCase {

    private final VisitorRepository visitors;
    private final RoomRepository rooms;
    private final InquiryRepository inquiries;
    private final DepartmentRepository departments;
    private final IdGenerator ids;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RegisterVisitorService(VisitorRepository visitors, RoomRepository rooms, InquiryRepository inquiries,
                                  DepartmentRepository departments, IdGenerator ids, TransactionRunner tx,
                                  Clock clock) {
        this.visitors = Objects.requireNonNull(visitors, "visitors");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.inquiries = Objects.requireNonNull(inquiries, "inquiries");
        this.departments = Objects.requireNonNull(departments, "departments");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.unitOfWork = new UnitOfWork(tx);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Visitor registerVisitor(RegisterVisitorCommand command) {
        if (command.token() == null || command.token().isBlank()) {
            throw BusinessRuleException.meteor("error-invalid-token", "Token cannot be empty");
        }
        VisitorToken token = new VisitorToken(command.token());
        String email = null;
        if (given(command.email())) {
            email = EmailAddress.parse(command.email()).orElseThrow(() ->
                    BusinessRuleException.meteor("error-invalid-email", "Invalid email " + command.email()));
        }
        DepartmentId department = given(command.department()) ? department(command.department()) : null;
        VisitorProfile profile = new VisitorProfile(given(command.name()) ? command.name() : null, email,
                given(command.phone()) ? command.phone() : null, department);
        // a concurrent first registration of the same token wins the insert; the next attempt updates its visitor
        return unitOfWork.run(() -> register(token, profile),
                violation -> violation.constraint() == UniqueConstraintViolation.Constraint.VISITOR_TOKEN);
    }

    /** Rocket.Chat's {@code if (value)}: an empty string is not given, like null. */
    private static boolean given(String value) {
        return value != null && !value.isEmpty();
    }

    private DepartmentId department(String idOrName) {
        Optional<Department> byId = DepartmentId.parse(idOrName).flatMap(departments::findById);
        return byId.or(() -> departments.findByName(idOrName))
                .map(Department::id)
                .orElseThrow(() -> BusinessRuleException.meteor("error-invalid-department",
                        "The provided department is invalid"));
    }

    private Visitor register(VisitorToken token, VisitorProfile profile) {
        Instant now = Time.now(clock);
        Optional<Visitor> existing = visitors.findByToken(token);
        if (existing.isEmpty()) {
            Visitor created = Visitor.register(new VisitorId(ids.newId()), visitors.nextGuestNumber(), token, profile,
                    now);
            visitors.insert(created);
            return created;
        }
        Visitor before = existing.get();
        Visitor after = before.reregister(profile, now);
        String newName = profile.name();
        if (newName != null && !newName.equals(before.name().orElse(null))) {
            for (Room room : rooms.findOpenByVisitorId(before.id())) {
                room.renameVisitor(newName, now);
                rooms.update(room.snapshot());
                inquiries.findByRoomId(room.id()).ifPresent(inquiry -> inquiries.update(inquiry.renamed(newName, now)));
            }
        }
        visitors.update(after);
        return after;
    }
}
