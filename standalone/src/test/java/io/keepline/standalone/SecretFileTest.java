package io.keepline.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFileTest {

	@TempDir
	Path data;

	@Test
	void generatesEachSecretOnceKeepsItForItsOwnerAndReadsItBackOnTheNextStart() throws Exception {
		String token = SecretFile.readOrCreate(this.data, SecretFile.CONSOLE_TOKEN);
		String link = SecretFile.readOrCreate(this.data, SecretFile.LINK_SECRET);

		assertThat(token).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(link);
		assertThat(SecretFile.readOrCreate(this.data, SecretFile.CONSOLE_TOKEN)).isEqualTo(token);
		Path file = this.data.resolve(SecretFile.CONSOLE_TOKEN);
		assertThat(Files.readString(file).strip()).isEqualTo(token);
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
	}

}
