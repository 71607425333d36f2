package dev.airlock.cli.login;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.ssh.SshPublicKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SSH public key {@code login} signs, checked before anything reaches the server (a typo must
 * not leave a request behind), and where its certificate goes: {@code <key without .pub>-cert.pub}.
 */
public record PublicKeyFile(Path path, String line, Path certificate) {

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    private static final Pattern KEY_LINE = Pattern.compile("[a-z0-9@.-]+ [A-Za-z0-9+/]+=*( .*)?");

    /** The key at {@code option} (a private key path works when PATH.pub exists), or the first default. */
    public static PublicKeyFile resolve(Optional<String> option, Path home) {
        Path path = option.map(given -> explicit(given, home)).orElseGet(() -> defaultKey(home));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw usage("cannot read the public key file " + path);
        }
        String line = firstLine(path);
        if (line.contains("-cert-v01@openssh.com ")) {
            throw usage(path + " is a certificate, not a public key; give the .pub key it was issued for");
        }
        if (line.contains("PRIVATE KEY")) {
            throw usage(path + " is a private key; give its public half (" + path + ".pub)");
        }
        if (!KEY_LINE.matcher(line).matches()) {
            throw usage(path + " is not an OpenSSH public key (expected a line like 'ssh-ed25519 AAAA... comment')");
        }
        checkWithSshModule(path, line);
        Path dir = path.toAbsolutePath().getParent();
        if (!Files.isWritable(dir)) {
            throw usage("cannot write the certificate next to the key: " + dir + " is not writable");
        }
        String name = path.getFileName().toString();
        String base = name.endsWith(".pub") ? name.substring(0, name.length() - 4) : name;
        return new PublicKeyFile(path, line, path.resolveSibling(base + "-cert.pub"));
    }

    /** The server checks the key too; checking here first means a bad key never creates a request. */
    private static void checkWithSshModule(Path path, String line) {
        String[] fields = line.split(" ", 3);
        try {
            SshPublicKey.parse(fields[0] + " " + fields[1]);
        } catch (AirlockException | IllegalArgumentException e) {
            throw usage(path + " is not a key Airlock can sign: " + e.getMessage());
        }
    }

    private static Path explicit(String given, Path home) {
        Path path = Path.of(given.startsWith("~/") ? home + given.substring(1) : given);
        if (Files.isDirectory(path)) {
            throw usage("--key " + path + " is a directory; give the public key file (e.g. ~/.ssh/id_ed25519.pub)");
        }
        Path pub = Path.of(path + ".pub");
        if (!path.toString().endsWith(".pub") && Files.isRegularFile(pub)) {
            path = pub;
        }
        if (!Files.exists(path)) {
            throw usage("no such public key file: " + path);
        }
        return path;
    }

    private static Path defaultKey(Path home) {
        return DEFAULT_KEYS.stream().map(name -> home.resolve(".ssh").resolve(name + ".pub")).filter(Files::isRegularFile)
                .findFirst().orElseThrow(() -> usage("no SSH public key found (looked for ~/.ssh/id_ed25519.pub, "
                        + "~/.ssh/id_ecdsa.pub, ~/.ssh/id_rsa.pub); create one with 'ssh-keygen -t ed25519' or pass --key PATH"));
    }

    private static String firstLine(Path path) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? "" : line.replace("\r", "");
        } catch (IOException e) {
            throw usage("cannot read the public key file " + path);
        }
    }

    private static CliException usage(String message) {
        return new CliException(Exit.USAGE, message);
    }
}
