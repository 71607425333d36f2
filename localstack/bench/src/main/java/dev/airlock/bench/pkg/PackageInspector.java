package dev.airlock.bench.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The {@code package} section: the deployment zip's size and the HTTP client implementations inside
 * it, found by the packages their classes live in (so a shaded or renamed jar is found too), plus the
 * largest libraries, which say where the bytes go.
 */
public final class PackageInspector {

    /** Lambda's limit for a zip uploaded directly is 50 MB; the project's target is 20 MB. */
    public static final long TARGET_BYTES = 20L * 1024 * 1024;

    /** Class-package prefix → the HTTP client implementation it belongs to. */
    static final Map<String, String> HTTP_CLIENTS = httpClients();

    /** Spring's client APIs: not transports of their own (they delegate to one of the above or the JDK). */
    static final Map<String, String> CLIENT_APIS = Map.of(
            "org/springframework/web/client/", "spring-web RestClient/RestTemplate",
            "org/springframework/boot/http/client/", "spring-boot-http-client (ClientHttpRequestFactory builders)");

    private PackageInspector() {
    }

    public static Map<String, Object> inspect(Path zip) {
        Map<String, Object> section = new LinkedHashMap<>();
        TreeSet<String> clients = new TreeSet<>();
        TreeSet<String> apis = new TreeSet<>();
        List<long[]> sizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long uncompressed = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                uncompressed += Math.max(0, entry.getSize());
                if (entry.getName().endsWith(".jar")) {
                    scanJar(file, entry, clients, apis);
                    names.add(entry.getName().substring(entry.getName().lastIndexOf('/') + 1));
                    sizes.add(new long[] {names.size() - 1, entry.getCompressedSize()});
                } else {
                    match(entry.getName(), clients, apis);
                }
            }
            section.put("zipBytes", Files.size(zip));
            section.put("zipMiB", Math.round(Files.size(zip) / 1024.0 / 1024.0 * 10) / 10.0);
            section.put("targetBytes", TARGET_BYTES);
            section.put("unzippedBytes", uncompressed);
            section.put("httpClients", List.copyOf(clients));
            section.put("unusedHttpClientApis", List.copyOf(apis));
            section.put("libraries", names.size());
            section.put("largestLibraries", largest(sizes, names));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        return section;
    }

    private static void scanJar(ZipFile file, ZipEntry jar, TreeSet<String> clients, TreeSet<String> apis)
            throws IOException {
        try (InputStream in = file.getInputStream(jar); ZipInputStream classes = new ZipInputStream(in)) {
            for (ZipEntry entry = classes.getNextEntry(); entry != null; entry = classes.getNextEntry()) {
                match(entry.getName(), clients, apis);
            }
        }
    }

    private static void match(String name, TreeSet<String> clients, TreeSet<String> apis) {
        if (!name.endsWith(".class")) {
            return;
        }
        HTTP_CLIENTS.forEach((prefix, client) -> {
            if (name.startsWith(prefix)) {
                clients.add(client);
            }
        });
        CLIENT_APIS.forEach((prefix, api) -> {
            if (name.startsWith(prefix)) {
                apis.add(api);
            }
        });
    }

    private static List<Map<String, Object>> largest(List<long[]> sizes, List<String> names) {
        return sizes.stream().sorted(Comparator.comparingLong((long[] s) -> s[1]).reversed()).limit(8)
                .map(s -> Map.<String, Object>of("jar", names.get((int) s[0]), "bytes", s[1])).toList();
    }

    private static Map<String, String> httpClients() {
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("software/amazon/awssdk/http/urlconnection/", "aws-sdk url-connection-client");
        clients.put("software/amazon/awssdk/http/apache/", "aws-sdk apache-client");
        clients.put("software/amazon/awssdk/http/apache5/", "aws-sdk apache5-client");
        clients.put("software/amazon/awssdk/http/nio/netty/", "aws-sdk netty-nio-client");
        clients.put("software/amazon/awssdk/http/crt/", "aws-sdk aws-crt-client");
        clients.put("org/apache/http/impl/client/", "Apache HttpClient 4");
        clients.put("org/apache/hc/client5/", "Apache HttpClient 5");
        clients.put("io/netty/handler/codec/http/", "Netty HTTP codec");
        clients.put("reactor/netty/http/client/", "Reactor Netty HTTP client");
        clients.put("okhttp3/", "OkHttp");
        clients.put("org/eclipse/jetty/client/", "Jetty HTTP client");
        return Map.copyOf(clients);
    }
}
