package dev.livechat.application.service;

import dev.livechat.domain.error.BusinessRuleException;

/** The plain error codes several services answer, in one place so that every endpoint spells them alike. */
final class Errors {

    private Errors() {
    }

    static BusinessRuleException invalidToken() {
        return BusinessRuleException.plain("invalid-token");
    }

    static BusinessRuleException invalidRoom() {
        return BusinessRuleException.plain("invalid-room");
    }

    static BusinessRuleException roomClosed() {
        return BusinessRuleException.plain("room-closed");
    }

    static BusinessRuleException notAllowed() {
        return BusinessRuleException.plain("error-not-allowed");
    }

    static BusinessRuleException messageIdInUse() {
        return BusinessRuleException.plain("error-message-id-in-use");
    }

    static BusinessRuleException departmentNotFound() {
        return BusinessRuleException.plain("error-department-not-found");
    }

    static BusinessRuleException duplicatedDepartmentName() {
        return BusinessRuleException.plain("error-duplicated-department-name");
    }
}
