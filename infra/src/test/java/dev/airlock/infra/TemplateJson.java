package dev.airlock.infra;

import dev.airlock.core.config.EnvironmentNames;
import software.amazon.awscdk.assertions.Template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to a synthesized template as plain maps and lists, for assertions CDK's matchers cannot express. */
@SuppressWarnings("unchecked")
final class TemplateJson {

    private final Template template;
    private final Map<String, Object> json;

    TemplateJson(Template template) {
        this.template = template;
        this.json = template.toJSON();
    }

    Template template() {
        return template;
    }

    Map<String, Object> resources() {
        return (Map<String, Object>) json.get("Resources");
    }

    Map<String, Object> section(String name) {
        Object section = json.get(name);
        return section == null ? Map.of() : (Map<String, Object>) section;
    }

    /** Logical id → properties of every resource of one type. */
    Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> r = (Map<String, Object>) resource;
            if (type.equals(r.get("Type"))) {
                Object props = r.get("Properties");
                found.put(id, props == null ? Map.of() : (Map<String, Object>) props);
            }
        });
        return found;
    }

    /**
     * As {@link #ofType}, without the console's deployment handler (CDK's BucketDeployment Lambda, its
     * role and policy): Airlock's own resources, for the least-privilege checks. ConsoleTest checks that
     * handler's reach separately.
     */
    Map<String, Map<String, Object>> airlockOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>(ofType(type));
        found.keySet().removeIf(TemplateJson::isConsoleDeployment);
        return found;
    }

    /** CDK names the BucketDeployment's singleton handler and its role this way. */
    static boolean isConsoleDeployment(String logicalId) {
        return logicalId.startsWith("CustomCDKBucketDeployment");
    }

    Map<String, Object> resource(String logicalId) {
        return (Map<String, Object>) resources().get(logicalId);
    }

    /** Logical id of the Lambda function serving {@code name}. */
    String functionId(String name) {
        return ofType("AWS::Lambda::Function").entrySet().stream()
                .filter(e -> name.equals(environment(e.getValue()).get(EnvironmentNames.FUNCTION_DEFINITION)))
                .map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no function " + name));
    }

    Map<String, Object> function(String name) {
        return ofType("AWS::Lambda::Function").get(functionId(name));
    }

    static Map<String, Object> environment(Map<String, Object> functionProps) {
        Map<String, Object> env = (Map<String, Object>) functionProps.get("Environment");
        return env == null ? Map.of() : (Map<String, Object>) env.get("Variables");
    }

    /** Logical id of the role of function {@code name}. */
    String roleId(String name) {
        return getAttTarget(function(name).get("Role")).orElseThrow();
    }

    /** Logical id of the alias of function {@code name}. */
    String aliasId(String name) {
        String functionId = functionId(name);
        return ofType("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> Map.of("Ref", functionId).equals(e.getValue().get("FunctionName")))
                .map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no alias for " + name));
    }

    /** Logical id of the KMS key behind an alias ({@code CaKey.ALIAS}, {@code AuditKey.ALIAS}). */
    String keyIdByAlias(String aliasName) {
        return ofType("AWS::KMS::Alias").values().stream()
                .filter(a -> aliasName.equals(a.get("AliasName")))
                .map(a -> getAttTarget(a.get("TargetKeyId")).orElseThrow())
                .findFirst().orElseThrow(() -> new AssertionError("no key with alias " + aliasName));
    }

    /** Logical id of the resource a function's environment variable refers to (Ref or GetAtt). */
    String environmentTarget(String function, String variable) {
        return getAttTarget(environment(function(function)).get(variable))
                .orElseThrow(() -> new AssertionError(function + " has no " + variable + " reference"));
    }

    /**
     * The event source mappings that invoke function {@code name} through its alias: CDK names it as
     * {@code <function name from the alias ARN>:live}, so the mapping refers to the alias.
     */
    List<Map<String, Object>> eventSourceMappings(String name) {
        String alias = Map.of("Ref", aliasId(name)).toString();
        return ofType("AWS::Lambda::EventSourceMapping").values().stream()
                .filter(m -> String.valueOf(m.get("FunctionName")).contains(alias))
                .toList();
    }

    /** Logical id of the on-failure queue of function {@code name}'s event source mapping, if it has one. */
    Optional<String> onFailureQueueId(String name) {
        return eventSourceMappings(name).stream()
                .map(m -> (Map<String, Object>) m.get("DestinationConfig"))
                .filter(d -> d != null)
                .map(d -> ((Map<String, Object>) d.get("OnFailure")).get("Destination"))
                .map(TemplateJson::getAttTarget)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Logical id of the table with this physical name. */
    String tableId(String tableName) {
        return ofType("AWS::DynamoDB::Table").entrySet().stream()
                .filter(e -> tableName.equals(e.getValue().get("TableName")))
                .map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no table " + tableName));
    }

    /** Statements of every IAM policy attached to the role. */
    List<Map<String, Object>> statementsOfRole(String roleId) {
        return ofType("AWS::IAM::Policy").values().stream()
                .filter(p -> ((List<Object>) p.get("Roles")).contains(Map.of("Ref", roleId)))
                .flatMap(p -> statements(p.get("PolicyDocument")).stream())
                .toList();
    }

    static List<Map<String, Object>> statements(Object policyDocument) {
        return ((List<Object>) ((Map<String, Object>) policyDocument).get("Statement")).stream()
                .map(s -> (Map<String, Object>) s).toList();
    }

    /** A statement's Action or Resource, which CloudFormation allows as a single value or a list. */
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    /** The logical id in {@code {"Fn::GetAtt": [id, ...]}} or {@code {"Ref": id}}. */
    static Optional<String> getAttTarget(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("Fn::GetAtt") instanceof List<?> getAtt) {
                return Optional.of((String) getAtt.get(0));
            }
            if (map.get("Ref") instanceof String ref) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    /**
     * Renders an intrinsic-function value as text, naming resources by label: {@code GetAtt}/{@code Ref}
     * of a labelled logical id becomes the label, {@code Fn::Join} is concatenated.
     */
    static String render(Object value, Map<String, String> labels) {
        if (value instanceof String s) {
            return s;
        }
        Optional<String> target = getAttTarget(value);
        if (target.isPresent()) {
            return labels.getOrDefault(target.get(), target.get());
        }
        if (value instanceof Map<?, ?> map && map.get("Fn::Join") instanceof List<?> join) {
            StringBuilder text = new StringBuilder();
            for (Object part : (List<Object>) join.get(1)) {
                text.append(render(part, labels));
            }
            return text.toString();
        }
        return String.valueOf(value);
    }
}
