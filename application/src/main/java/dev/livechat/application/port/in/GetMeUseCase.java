package dev.livechat.application.port.in;

/** The caller's own public user form (contract 4.3). */
public interface GetMeUseCase {

    UserView me(Caller caller);
}
