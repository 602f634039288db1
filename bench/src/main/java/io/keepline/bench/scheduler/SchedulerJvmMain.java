package io.keepline.bench.scheduler;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.keepline.bench.process.ChildJvm;
import io.keepline.scheduler.deadline.EngineSettings;

/**
 * One scheduler instance ({@link Engine}) in a JVM of its own, driven by the scheduler
 * suite ({@link SchedulerJvms}) through {@link ChildJvm}'s lines. Arguments: bootstrap
 * servers, application id, state directory, the clock's offset from the system clock (ms:
 * both processes then read the same shifted instants), punctuation interval (ms), most
 * entries per punctuation, punctuation time budget (ms). Commands: {@code start},
 * {@code state}, {@code jump <offset ms>}, {@code metrics}, {@code heap}; it closes the
 * instance (leaving the group) and ends when its standard input closes.
 */
public final class SchedulerJvmMain {

	private SchedulerJvmMain() {
	}

	public static void main(String[] args) {
		ShiftedClock clock = new ShiftedClock();
		clock.offsetBy(Long.parseLong(args[3]));
		EngineSettings settings = EngineSettings.defaults()
			.withPunctuationInterval(Duration.ofMillis(Long.parseLong(args[4])))
			.withMaxPerPunctuation(Integer.parseInt(args[5]))
			.withMaxPunctuationTime(Duration.ofMillis(Long.parseLong(args[6])));
		Engine engine = new Engine(args[0], args[1], Path.of(args[2]), clock, settings, 1);
		ChildJvm.answer("ready");
		BufferedReader commands = ChildJvm.commands();
		try {
			for (Optional<String> command = ChildJvm.nextCommand(commands); command
				.isPresent(); command = ChildJvm.nextCommand(commands)) {
				try {
					ChildJvm.answer(answer(engine, clock, command.get().trim().split(" ")));
				}
				catch (RuntimeException ex) {
					ChildJvm.answer("error " + ex);
				}
			}
		}
		finally {
			engine.close();
		}
		System.exit(0);
	}

	private static String answer(Engine engine, ShiftedClock clock, String[] command) {
		return switch (command[0]) {
			case "start" -> {
				engine.start();
				yield "started";
			}
			case "state" -> "state running=" + engine.running() + " failed=" + engine.failed();
			case "jump" -> {
				clock.offsetBy(Long.parseLong(command[1]));
				yield "jumped";
			}
			case "metrics" -> String.format(Locale.ROOT,
					"metrics emitted=%d sent=%.0f cpu=%d memtables=%.0f cache=%.0f readers=%.0f sst=%.0f",
					engine.emittedByInstance().get(0), engine.recordsSent(), processCpuNanos(),
					engine.rocksDb("size-all-mem-tables"), engine.rocksDbShared("block-cache-usage"),
					engine.rocksDb("estimate-table-readers-mem"), engine.rocksDb("total-sst-files-size"));
			case "heap" -> {
				System.gc();
				MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
				yield "heap used=" + heap.getUsed() + " committed=" + heap.getCommitted() + " max="
						+ Runtime.getRuntime().maxMemory();
			}
			default -> throw new IllegalArgumentException("unknown command " + String.join(" ", command));
		};
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
