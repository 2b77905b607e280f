package dev.briefings.intake;

/**
 * Where a value is in a record, as a curator reads it in a reason ({@code sources[0].url}). Validation makes one for
 * every field it looks at, and almost every field is fine: so the text is only put together when a reason names it
 * (building it for every field took some 5% of validating a record).
 */
final class FieldPath {

    private final FieldPath parent;
    private final String name;
    private final int index;

    private FieldPath(FieldPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** A top-level field. */
    static FieldPath of(String name) {
        return new FieldPath(null, name, -1);
    }

    /** A field of the object here. */
    FieldPath field(String name) {
        return new FieldPath(this, name, -1);
    }

    /** An entry of the list here, counted from 0. */
    FieldPath item(int index) {
        return new FieldPath(this, null, index);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text);
        return text.toString();
    }

    private void append(StringBuilder text) {
        if (parent != null) {
            parent.append(text);
        }
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            if (parent != null) {
                text.append('.');
            }
            text.append(name);
        }
    }
}
