package dev.actors;

/**
 * Thrown by {@link ActorSettings.Builder} when a value is out of range. It names the setting by its
 * {@code application.yml} key ({@code mailbox-capacity}, {@code restart.within}), so that a configuration layer can
 * report the full property without parsing the message.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The setting's key. */
    private final String setting;

    /** The refused value; not serialized, as it may be of any type. */
    private final transient Object value;

    /** The rule the value breaks. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param setting the setting's key, as in {@code restart.within}
     * @param value the refused value
     * @param reason the rule it breaks, as in {@code must be positive}
     */
    public InvalidSettingException(String setting, Object value, String reason) {
        super(setting + " " + reason + " but was " + value);
        this.setting = setting;
        this.value = value;
        this.reason = reason;
    }

    /**
     * Returns the key of the setting, relative to an actor's settings ({@code batch.max-time}).
     *
     * @return the setting's key
     */
    public String setting() {
        return this.setting;
    }

    /**
     * Returns the refused value.
     *
     * @return the value
     */
    public Object value() {
        return this.value;
    }

    /**
     * Returns the rule the value breaks, without the setting or the value ({@code must not be negative}).
     *
     * @return the reason
     */
    public String reason() {
        return this.reason;
    }
}
