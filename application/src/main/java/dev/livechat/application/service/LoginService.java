package dev.livechat.application.service;

import dev.livechat.application.port.in.LoginCommand;
import dev.livechat.application.port.in.LoginResult;
import dev.livechat.application.port.in.LoginUseCase;
import dev.livechat.application.port.in.UserView;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.PasswordHasher;
import dev.livechat.application.port.out.SecretGenerator;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.domain.error.LoginFailedException;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Logs users in with username or email and password, and issues hashed, expiring login tokens (contract 4.1). */
public final class LoginService implements LoginUseCase {

    private final UserRepository users;
    private final LoginTokenRepository loginTokens;
    private final PasswordHasher hasher;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final LivechatSettings settings;
    private final CandidateListener candidates;
    private volatile String decoyHash;

    public LoginService(UserRepository users, LoginTokenRepository loginTokens, PasswordHasher hasher,
                        SecretGenerator secrets, Clock clock, LivechatSettings settings) {
        this(users, loginTokens, hasher, secrets, clock, settings, CandidateListener.NONE);
    }

    public LoginService(UserRepository users, LoginTokenRepository loginTokens, PasswordHasher hasher,
                        SecretGenerator secrets, Clock clock, LivechatSettings settings, CandidateListener candidates) {
        this.users = Objects.requireNonNull(users, "users");
        this.loginTokens = Objects.requireNonNull(loginTokens, "loginTokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
    }

    @Override
    public LoginResult login(LoginCommand command) {
        Optional<User> found = command.byEmail()
                ? users.findByEmail(command.identifier())
                : users.findByUsername(command.identifier());
        if (found.isEmpty()) {
            // checking a password anyway keeps unknown usernames from answering measurably faster
            hasher.matches(command.password(), decoyHash());
            throw new LoginFailedException();
        }
        User user = found.get();
        if (!hasher.matches(command.password(), user.passwordHash()) || !user.active()) {
            throw new LoginFailedException();
        }
        String token = secrets.newLoginToken();
        Instant now = Time.now(clock);
        loginTokens.insert(user.id(), LoginTokenHash.of(token), now, now.plus(settings.loginExpiration()));
        if (user.statusLivechat().orElse(null) == AgentStatus.AVAILABLE) {
            candidates.candidateMayHaveArrived(user.id());
        }
        return new LoginResult(token, UserView.of(user, true));
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash("decoy password that no account has");
            decoyHash = hash;
        }
        return hash;
    }
}
