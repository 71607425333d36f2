package dev.airlock.domain.role;

import java.util.List;
import java.util.Objects;

/**
 * What a role file means to Airlock ({@link RoleFileChecker}): per document, the fields Airlock enforces
 * and those it accepts but ignores; and every refusal. A file with any refusal is not applied.
 *
 * @param source    the file's name as given
 * @param documents one entry per role or oidc document, in file order (empty when the file could not be read)
 * @param refusals  the refusal messages, each naming the document and the field
 */
public record RoleFileReport(String source, List<Document> documents, List<String> refusals) {

    public RoleFileReport {
        Objects.requireNonNull(source, "source");
        documents = List.copyOf(documents);
        refusals = List.copyOf(refusals);
    }

    /** Whether anything was refused (the file would not be applied). */
    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** The report as text for an operator, one block per document, then the refusals. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Document d : documents) {
            out.append(d.kind()).append(' ').append(d.name()).append(" (").append(d.version()).append(")\n");
            out.append("  enforced: ").append(d.enforced().isEmpty() ? "(nothing)" : String.join(", ", d.enforced()))
                    .append('\n');
            for (Ignored i : d.ignored()) {
                out.append("  ignored:  ").append(i.field()).append(" - ").append(i.why()).append('\n');
            }
        }
        for (String refusal : refusals) {
            out.append("refused: ").append(refusal).append('\n');
        }
        out.append(refused()
                ? source + ": " + refusals.size() + " refused, nothing would be applied\n"
                : source + ": ok, " + documents.size() + (documents.size() == 1 ? " document\n" : " documents\n"));
        return out.toString();
    }

    /**
     * One document of the file.
     *
     * @param kind     {@code role} or {@code oidc}
     * @param name     {@code metadata.name}
     * @param version  {@code version} as written
     * @param enforced paths of the fields Airlock enforces, in file order
     * @param ignored  fields accepted but not enforced, with why
     */
    public record Document(String kind, String name, String version, List<String> enforced, List<Ignored> ignored) {

        public Document {
            enforced = List.copyOf(enforced);
            ignored = List.copyOf(ignored);
        }
    }

    /** A field Airlock accepts but does not enforce, and why that is safe to know about. */
    public record Ignored(String field, String why) {
    }
}
