package io.keepline.reliability.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import ch.qos.logback.classic.Level;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The logger levels the standalone's own {@code logback.xml} sets: what a user who runs
 * the standalone sees, read from the file it ships rather than copied.
 */
final class StandaloneLogLevels {

	private StandaloneLogLevels() {
	}

	static Map<String, Level> read() {
		URL file = standaloneLogback();
		Map<String, Level> levels = new HashMap<>();
		try (InputStream in = file.openStream()) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			NodeList loggers = factory.newDocumentBuilder().parse(in).getElementsByTagName("logger");
			for (int i = 0; i < loggers.getLength(); i++) {
				Element logger = (Element) loggers.item(i);
				levels.put(logger.getAttribute("name"), Level.toLevel(logger.getAttribute("level"), null));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
		return levels;
	}

	private static URL standaloneLogback() {
		try {
			for (URL url : Collections.list(StandaloneLogLevels.class.getClassLoader().getResources("logback.xml"))) {
				if (url.toString().contains("standalone")) {
					return url;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("the standalone's logback.xml is not on the classpath");
	}

}
