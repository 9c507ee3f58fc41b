package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.Objects;
import java.util.Optional;

public record LogSource(Optional<String> category, Optional<String> product, Optional<String> service,
                        Optional<String> definition, Span span) {
    public LogSource {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(definition, "definition");
    }

    /** {@code category=process_creation product=windows}, for messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        category.ifPresent(v -> sb.append("category=").append(v));
        product.ifPresent(v -> sb.append(sb.length() > 0 ? " " : "").append("product=").append(v));
        service.ifPresent(v -> sb.append(sb.length() > 0 ? " " : "").append("service=").append(v));
        return sb.length() == 0 ? "(empty logsource)" : sb.toString();
    }
}
