package org.capledger.platform.ocf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Loading the schemas and validating packages never touches the network. Every URL connection and socket the JVM
 * opens first asks the default {@link ProxySelector} how to get there; this test replaces it with one that records
 * the attempt and refuses it.
 */
@Isolated
class OcfNoNetworkTest {

    private final List<URI> attempts = new CopyOnWriteArrayList<>();
    private ProxySelector previous;

    @BeforeEach
    void trapTheNetwork() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                throw new IllegalStateException("network access attempted: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
    }

    @AfterEach
    void releaseTheNetwork() {
        ProxySelector.setDefault(previous);
    }

    @Test
    void theTrapCatchesAConnection() {
        assertThatThrownBy(() -> {
            try (InputStream in = URI.create("https://schema.invalid/File.schema.json").toURL().openStream()) {
                in.read();
            }
        }).hasMessageContaining("network access attempted");
        assertThat(attempts).extracting(URI::getHost).containsExactly("schema.invalid");
    }

    @Test
    void loadingEverySchemaAndValidatingEveryPackageAndExampleStaysOffline() throws IOException {
        OcfSchemas fresh = OcfSchemas.load(OcfVersion.V1_2);
        fresh.paths().forEach(fresh::schema);

        OcfValidator validator = new OcfValidator();
        for (String name : List.of("packages/acme_holdings_limited", "packages/options", "packages/quickstart",
                "handwritten/valid", "handwritten/split-1.0", "handwritten/quirks", "handwritten/schema-violation")) {
            assertThat(validator.validate(OcfFixtures.resource("ocf/" + name)).items()).as(name).isNotNull();
        }
        try (Stream<Path> examples = Files.list(OcfFixtures.resource("ocf/examples-per-type"))) {
            for (Path example : examples.toList()) {
                try (InputStream in = Files.newInputStream(example)) {
                    validator.validateFile(example.getFileName().toString(), in, OcfValidator.Options.defaults(),
                            OcfValidator.ItemListener.NONE);
                }
            }
        }

        assertThat(attempts).isEmpty();
    }
}
