package io.keepline.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node KRaft broker of a test's own whose clients authenticate with SASL/PLAIN and
 * whose requests KRaft's {@code StandardAuthorizer} checks against ACLs (nothing is
 * allowed without one). The cluster's own properties are a super user's; {@link #as}
 * gives a user's view, whose clients get only what {@link #allow} granted.
 */
public final class SaslKafka implements KafkaCluster {

	/** The super user of the test kit's SASL setup, which creates topics and ACLs. */
	private static final String ADMIN = "plain-admin";

	private static final String ADMIN_PASSWORD = "plain-admin-secret";

	private final KafkaClusterTestKit cluster;

	private final Map<String, String> passwords;

	private final String user;

	private SaslKafka(KafkaClusterTestKit cluster, Map<String, String> passwords, String user) {
		this.cluster = cluster;
		this.passwords = passwords;
		this.user = user;
	}

	/** Starts a broker that knows {@code users} (name to password) besides its admin. */
	public static SaslKafka start(Map<String, String> users) {
		Map<String, String> passwords = new HashMap<>(users);
		passwords.put(ADMIN, ADMIN_PASSWORD);
		StringBuilder jaas = new StringBuilder(login(ADMIN, ADMIN_PASSWORD));
		passwords
			.forEach((name, password) -> jaas.append(" user_").append(name).append("=\"").append(password).append('"'));
		TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true)
			.setNumBrokerNodes(1)
			.setNumControllerNodes(1)
			.setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
			.setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
			.build();
		KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
		KafkaClusters.SINGLE_BROKER_SETTINGS.forEach(builder::setConfigProp);
		builder.setConfigProp("listener.name." + nodes.brokerListenerName().value().toLowerCase() + ".plain."
				+ SaslConfigs.SASL_JAAS_CONFIG, jaas + ";");
		try {
			KafkaClusterTestKit cluster = builder.build();
			cluster.format();
			cluster.startup();
			cluster.waitForReadyBrokers();
			return new SaslKafka(cluster, Map.copyOf(passwords), ADMIN);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting a SASL broker", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start a SASL broker", ex);
		}
	}

	/** This broker as {@code user} sees it: its clients authenticate as that user. */
	public SaslKafka as(String user) {
		if (!this.passwords.containsKey(user)) {
			throw new IllegalArgumentException("The broker knows no user " + user);
		}
		return new SaslKafka(this.cluster, this.passwords, user);
	}

	/** The client settings of this view's user, for a Spring Boot service. */
	public Map<String, String> springProperties() {
		return Map.of("spring.kafka.bootstrap-servers", bootstrapServers(), "spring.kafka.security.protocol",
				SecurityProtocol.SASL_PLAINTEXT.name, "spring.kafka.properties.sasl.mechanism", "PLAIN",
				"spring.kafka.properties.sasl.jaas.config", login(this.user, this.passwords.get(this.user)) + ";");
	}

	/**
	 * Grants {@code user} each of {@code operations} on the resource named or prefixed by
	 * {@code name}, as the admin.
	 */
	public void allow(String user, ResourceType type, String name, PatternType pattern, AclOperation... operations) {
		List<AclBinding> bindings = new ArrayList<>();
		for (AclOperation operation : operations) {
			bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
					new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
		}
		try (Admin admin = Admin.create(as(ADMIN).adminProperties())) {
			admin.createAcls(bindings).all().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not create ACLs for " + user, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating ACLs", ex);
		}
	}

	@Override
	public Map<String, Object> adminProperties() {
		Map<String, Object> properties = new HashMap<>();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
		properties.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, login(this.user, this.passwords.get(this.user)) + ";");
		return properties;
	}

	@Override
	public String bootstrapServers() {
		return this.cluster.bootstrapServers();
	}

	@Override
	public String description() {
		return "an in-JVM KRaft broker with SASL/PLAIN and the StandardAuthorizer, as " + this.user;
	}

	/** Stops the broker (a user's view closes nothing). */
	@Override
	public void close() {
		if (!ADMIN.equals(this.user)) {
			return;
		}
		try {
			this.cluster.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not stop the SASL broker", ex);
		}
	}

	private static String login(String user, String password) {
		return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
				+ password + "\"";
	}

}
