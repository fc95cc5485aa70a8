package dev.livechat.application.port.in;

/** Ends the session of the token used for this request (contract 4.2). */
public record LogoutCommand(Caller caller, String authToken) {

    @Override
    public String toString() {
        return "LogoutCommand[caller=" + caller.id() + ", authToken=***]";
    }
}
