package dev.sigc.ast;

/** The parts of a timestamp Sigma's time modifiers extract, with their valid ranges. */
public enum TimeUnit {
    MINUTE(0, 59), HOUR(0, 23), DAY(1, 31), WEEK(1, 53), MONTH(1, 12), YEAR(1, 9999);

    private final int min;
    private final int max;

    TimeUnit(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The modifier name: {@code minute}, {@code hour}, ... */
    public String modifier() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
