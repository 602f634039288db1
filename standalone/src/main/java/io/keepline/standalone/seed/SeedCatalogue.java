package io.keepline.standalone.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keepline.support.plans.Plans;
import io.keepline.support.plans.Plans.Plan;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The demo data of {@code seeds/}: operators with their demo keys, their prepaid plans
 * (read by {@link Plans}, as the services read them) and the demo lines, read from
 * {@code operators.yml}, {@code plans.yml} and {@code lines.yml}.
 */
public record SeedCatalogue(Map<String, Operator> operators, Map<String, Plan> plans, List<LineSeed> lines,
		String fingerprint) {

	static final List<String> FILES = List.of("operators.yml", "plans.yml", "lines.yml");

	/** An operator and the key its integration uses against ingest. */
	public record Operator(String id, String name, String key) {

		@Override
		public String toString() {
			return "Operator[" + this.id + "]";
		}

	}

	/** Reads and checks the three seed files. */
	public static SeedCatalogue read(SeedSource source) {
		Map<String, String> texts = new LinkedHashMap<>();
		FILES.forEach((name) -> texts.put(name, source.read(name)));
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		Map<String, Operator> operators = new LinkedHashMap<>();
		for (Map<String, Object> item : list(yaml.load(texts.get("operators.yml")), "operators")) {
			Operator operator = new Operator(text(item, "id"), text(item, "name"), text(item, "key"));
			operators.put(operator.id(), operator);
		}
		Map<String, Plan> plans = new LinkedHashMap<>();
		for (Plan plan : plans(texts.get("plans.yml")).all()) {
			if (!operators.containsKey(plan.operator())) {
				throw new IllegalArgumentException(
						"plans.yml: plan " + plan.id() + " names unknown operator " + plan.operator());
			}
			plans.put(plan.id(), plan);
		}
		List<LineSeed> lines = new ArrayList<>();
		for (Map<String, Object> item : list(yaml.load(texts.get("lines.yml")), "lines")) {
			LineSeed line = LineSeed.of(item);
			Plan plan = plans.get(line.plan());
			if (plan == null || !plan.operator().equals(line.operator())) {
				throw new IllegalArgumentException("lines.yml: line " + line.msisdn() + " names plan " + line.plan()
						+ " that operator " + line.operator() + " does not sell");
			}
			lines.add(line);
		}
		return new SeedCatalogue(operators, plans, List.copyOf(lines), Fingerprint.of(texts.values()));
	}

	/**
	 * The plans of a {@code plans.yml} text, read as every service reads its plans file.
	 */
	static Plans plans(String text) {
		return Plans.parse(text, "plans.yml", Plans.DEFAULT_MAX_PRICE);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object document, String name) {
		if (!(document instanceof Map<?, ?> root) || !(root.get(name) instanceof List<?> items)) {
			throw new IllegalArgumentException("seed file must have a top-level list '" + name + "'");
		}
		return (List<Map<String, Object>>) items;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> item, String name) {
		if (!(item.get(name) instanceof Map<?, ?> value)) {
			throw new IllegalArgumentException("seed item " + item + " needs '" + name + "'");
		}
		return (Map<String, Object>) value;
	}

	static String text(Map<String, Object> item, String name) {
		Object value = item.get(name);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException("seed item " + item + " needs '" + name + "'");
		}
		return value.toString();
	}

	static long number(Map<String, Object> item, String name) {
		if (!(item.get(name) instanceof Number value)) {
			throw new IllegalArgumentException("seed item " + item + " needs a number '" + name + "'");
		}
		return value.longValue();
	}

}
