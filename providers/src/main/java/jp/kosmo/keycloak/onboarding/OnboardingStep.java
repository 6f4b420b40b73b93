package jp.kosmo.keycloak.onboarding;

/** The pages of the first login, in the manual's order. */
public enum OnboardingStep {
    /** 【3】 authenticator kosmo-birthdate */
    BIRTHDATE,
    /** 【4】 required action kosmo-terms */
    TERMS,
    /** 【5】-【7】 required action kosmo-verified-email */
    EMAIL,
    /** 【8】 required action kosmo-auth-method */
    METHOD,
    /** enrolment of the chosen passkey or authenticator app (2-1 to 2-5) */
    ENROL,
    /** recovery codes after a passkey or app enrolment, when the realm offers or requires them (kosmo-recovery-codes) */
    RECOVERY_CODES,
    /** 【9】 UPDATE_PASSWORD */
    PASSWORD,
    /** 【10】 required action kosmo-onboarding-complete */
    COMPLETE
}
