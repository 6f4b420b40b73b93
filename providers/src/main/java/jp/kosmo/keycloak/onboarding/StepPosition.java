package jp.kosmo.keycloak.onboarding;

/** "Step {@code number} of {@code total}", as the templates read it ({@code kosmoStep.number}). */
public final class StepPosition {

    private final int number;
    private final int total;

    StepPosition(int number, int total) {
        this.number = number;
        this.total = total;
    }

    public int getNumber() {
        return number;
    }

    public int getTotal() {
        return total;
    }

    @Override
    public String toString() {
        return number + "/" + total;
    }
}
