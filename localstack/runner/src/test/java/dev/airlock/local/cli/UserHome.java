package dev.airlock.local.cli;

import dev.airlock.ssh.testing.SshKeygen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** TEST ONLY: a person's home directory with an SSH key in ~/.ssh made by the real ssh-keygen. */
record UserHome(Path home, SshKeygen.GeneratedKey key) {

    /** {@code home/.ssh/NAME} of {@code type} (e.g. "id_ed25519", "ed25519"). */
    static UserHome withKey(Path home, String name, String type) {
        try {
            Path ssh = Files.createDirectories(home.resolve(".ssh"));
            return new UserHome(home, SshKeygen.generate(ssh, name, type, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UserHome withEd25519(Path home) {
        return withKey(home, "id_ed25519", "ed25519");
    }

    /** Where {@code access login} writes the certificate for this key. */
    Path certificate() {
        return key.privateKey().resolveSibling(key.privateKey().getFileName() + "-cert.pub");
    }
}
