package org.capledger.platform.ocf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.SchemaLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OCF version's JSON Schemas, loaded from the classpath copy under {@code ocf/schema/<version>/}. Every schema's
 * {@code $id} (for 1.2, {@code https://raw.githubusercontent.com/Open-Cap-Table-Coalition/Open-Cap-Format-OCF/main/schema/...})
 * is mapped to its copy, and the loader refuses any other location, so a {@code $ref} that the bundle does not hold
 * fails loudly instead of going to the network. Loaded once per version and shared: the compiled schemas are
 * immutable and safe to use from several threads.
 */
public final class OcfSchemas {

    private static final Map<OcfVersion, OcfSchemas> BUNDLED = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRANSACTIONS = "objects/transactions/";

    /** An object schema that items are validated against. */
    record ObjectSchema(String path, Set<String> objectTypes, Schema schema, Set<String> requiredProperties) {
    }

    /**
     * What a file's {@code items} must be: one object schema ({@code "items": {"$ref": ...}}), or one of several
     * told apart by {@code object_type} ({@code "items": {"oneOf": [...]}}, the transactions file).
     */
    record ItemSchemas(ObjectSchema only, Map<String, ObjectSchema> byObjectType) {
    }

    private final OcfVersion version;
    private final Map<String, String> pathById;
    private final Map<String, JsonNode> nodeByPath;
    private final SchemaRegistry registry;
    private final Map<OcfFileType, Schema> fileSchemas = new EnumMap<>(OcfFileType.class);
    private final Map<OcfFileType, ItemSchemas> itemSchemas = new EnumMap<>(OcfFileType.class);
    private final Map<String, ObjectSchema> transactionSchemas = new LinkedHashMap<>();
    private final Set<String> listedVersions;

    /** The bundled schemas of a version, loaded on first use. */
    public static OcfSchemas of(OcfVersion version) {
        return BUNDLED.computeIfAbsent(version, OcfSchemas::load);
    }

    /** A fresh, unshared load; {@link #of} is what callers want. */
    static OcfSchemas load(OcfVersion version) {
        return new OcfSchemas(version);
    }

    private OcfSchemas(OcfVersion version) {
        this.version = version;
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        for (String path : index(version)) {
            JsonNode node = read(version.schemaRoot() + path);
            String id = node.path("$id").asString(null);
            if (id == null || !id.endsWith("/" + path)) {
                throw new IllegalStateException("OCF schema " + path + " has $id " + id
                        + ", which does not end with its own path");
            }
            if (ids.put(id, path) != null) {
                throw new IllegalStateException("Two OCF schemas share the $id " + id);
            }
            nodes.put(path, node);
        }
        this.pathById = Collections.unmodifiableMap(ids);
        this.nodeByPath = Collections.unmodifiableMap(nodes);
        this.registry = registry(version, pathById);

        for (OcfFileType type : OcfFileType.values()) {
            fileSchemas.put(type, compile(type.schemaPath()));
            if (type != OcfFileType.MANIFEST) {
                itemSchemas.put(type, readItemSchemas(type));
            }
        }
        nodeByPath.keySet().stream().filter(p -> p.startsWith(TRANSACTIONS)).forEach(path -> {
            ObjectSchema schema = objectSchema(path);
            schema.objectTypes().forEach(t -> transactionSchemas.putIfAbsent(t, schema));
        });
        this.listedVersions = constOrEnum(nodeByPath.get(OcfFileType.MANIFEST.schemaPath())
                .path("properties").path("ocf_version"));
    }

    private static SchemaRegistry registry(OcfVersion version, Map<String, String> pathById) {
        Map<String, String> classpath = new LinkedHashMap<>();
        pathById.forEach((id, path) -> classpath.put(id, "classpath:" + version.schemaRoot() + path));
        SchemaLoader loader = SchemaLoader.builder()
                .schemaIdResolvers(resolvers -> resolvers.mappings(classpath))
                .allow(iri -> classpath.containsKey(iri.toString()) || classpath.containsValue(iri.toString()))
                .resourceLoaders(loaders -> loaders.add(OcfSchemas::refuse))
                .build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        // OCF marks deprecated members with draft 2019-09's "deprecated": an annotation, nothing to check
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .keyword(new AnnotationKeyword("deprecated"))
                .build();
        return SchemaRegistry.withDialect(draft7,
                builder -> builder.schemaLoader(loader).schemaRegistryConfig(config));
    }

    /**
     * The last resource loader: reached only by a location that is neither bundled nor on the classpath. Refusing
     * here, rather than returning nothing, keeps the library from falling back to anything else.
     */
    private static com.networknt.schema.resource.InputStreamSource refuse(AbsoluteIri iri) {
        throw new IllegalStateException("OCF schemas are loaded from the classpath only; refusing " + iri);
    }

    public OcfVersion version() {
        return version;
    }

    /** The {@code ocf_version} values the manifest schema accepts ({@code 1.2.1-alpha+main}). */
    public Set<String> listedVersions() {
        return listedVersions;
    }

    /** Every bundled schema, by path relative to the version's root. */
    Set<String> paths() {
        return nodeByPath.keySet();
    }

    /** The compiled schema of a bundled file, its references resolved. */
    Schema schema(String path) {
        return compile(path);
    }

    SchemaRegistry registry() {
        return registry;
    }

    Schema fileSchema(OcfFileType type) {
        return fileSchemas.get(type);
    }

    ItemSchemas itemSchemas(OcfFileType type) {
        return itemSchemas.get(type);
    }

    /** A transaction schema by {@code object_type}, whether or not the TransactionsFile schema lists it. */
    Optional<ObjectSchema> transactionSchema(String objectType) {
        return Optional.ofNullable(transactionSchemas.get(objectType));
    }

    /** A schema location as a path relative to the version's root, e.g. {@code types/File.schema.json#/required}. */
    String relative(SchemaLocation location) {
        if (location == null) {
            return null;
        }
        String text = location.toString();
        int hash = text.indexOf('#');
        String iri = hash < 0 ? text : text.substring(0, hash);
        return pathById.getOrDefault(iri, iri) + (hash < 0 ? "" : text.substring(hash));
    }

    /** The bundled path a {@code $id} maps to. */
    Optional<String> pathOf(String id) {
        return Optional.ofNullable(pathById.get(id));
    }

    private Schema compile(String path) {
        String id = idOf(path);
        Schema schema = registry.getSchema(SchemaLocation.of(id));
        schema.initializeValidators();
        return schema;
    }

    private String idOf(String path) {
        return nodeByPath.get(path).path("$id").asString();
    }

    private ItemSchemas readItemSchemas(OcfFileType type) {
        JsonNode items = nodeByPath.get(type.schemaPath()).path("properties").path("items").path("items");
        if (items.has("$ref")) {
            return new ItemSchemas(objectSchema(referencedPath(items.get("$ref").asString())), Map.of());
        }
        Map<String, ObjectSchema> byType = new LinkedHashMap<>();
        for (JsonNode branch : items.path("oneOf")) {
            ObjectSchema schema = objectSchema(referencedPath(branch.path("$ref").asString()));
            for (String objectType : schema.objectTypes()) {
                if (byType.put(objectType, schema) != null) {
                    throw new IllegalStateException(type.schemaPath() + " lists two schemas for " + objectType
                            + ": items could not be told apart by object_type");
                }
            }
        }
        if (byType.isEmpty()) {
            throw new IllegalStateException(type.schemaPath() + " has neither a $ref nor a oneOf for its items");
        }
        return new ItemSchemas(null, Collections.unmodifiableMap(byType));
    }

    private ObjectSchema objectSchema(String path) {
        return new ObjectSchema(path, objectTypes(path), compile(path), requiredProperties(path));
    }

    private Set<String> objectTypes(String path) {
        JsonNode node = nodeByPath.get(path);
        Set<String> types = constOrEnum(node.path("properties").path("object_type"));
        if (types.isEmpty()) {
            for (JsonNode part : node.path("allOf")) {
                if (part.has("$ref")) {
                    types = objectTypes(referencedPath(part.get("$ref").asString()));
                    if (!types.isEmpty()) {
                        break;
                    }
                }
            }
        }
        return types;
    }

    /** Properties every instance must have: {@code required} here and in the schemas it extends ({@code allOf}). */
    private Set<String> requiredProperties(String path) {
        Set<String> required = new LinkedHashSet<>();
        JsonNode node = nodeByPath.get(path);
        node.path("required").forEach(r -> required.add(r.asString()));
        for (JsonNode part : node.path("allOf")) {
            part.path("required").forEach(r -> required.add(r.asString()));
            if (part.has("$ref")) {
                required.addAll(requiredProperties(referencedPath(part.get("$ref").asString())));
            }
        }
        return Collections.unmodifiableSet(required);
    }

    private String referencedPath(String ref) {
        String id = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        String path = pathById.get(id);
        if (path == null) {
            throw new IllegalStateException("OCF schema reference " + ref + " is not bundled");
        }
        return path;
    }

    private static Set<String> constOrEnum(JsonNode property) {
        Set<String> values = new LinkedHashSet<>();
        if (property.has("const")) {
            values.add(property.get("const").asString());
        }
        property.path("enum").forEach(v -> values.add(v.asString()));
        return Collections.unmodifiableSet(values);
    }

    private static List<String> index(OcfVersion version) {
        List<String> paths = new ArrayList<>();
        try (InputStream in = resource(version.schemaIndex());
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    paths.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + version.schemaIndex(), e);
        }
        return paths;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = resource(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OcfSchemas.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Missing classpath resource " + name);
        }
        return in;
    }
}
