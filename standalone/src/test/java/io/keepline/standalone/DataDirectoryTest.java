package io.keepline.standalone;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

	@TempDir
	Path root;

	@Test
	void keepsDataAcrossStartsAndWipesItOnRequest() throws Exception {
		Path data = this.root.resolve("data");
		DataDirectory.prepare(data, false);
		Files.createDirectories(data.resolve("kafka"));
		Files.writeString(data.resolve("kafka").resolve("meta.properties"), "x");

		DataDirectory.prepare(data, false);
		assertThat(data.resolve("kafka").resolve("meta.properties")).exists();

		DataDirectory.prepare(data, true);
		assertThat(data).isEmptyDirectory();
	}

}
