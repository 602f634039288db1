package io.keepline.bench.scheduler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Reminders over time in buckets of a quarter second (count, mean and max lateness), with
 * the phases of the run marked, rendered as a PNG with JFreeChart.
 */
final class Timeline {

	private static final long BUCKET_NANOS = 250_000_000L;

	private final long startNanos = System.nanoTime();

	private final List<long[]> buckets = new ArrayList<>();

	private final List<Object[]> marks = new ArrayList<>();

	/**
	 * Notes one reminder seen at {@code nanos}, {@code latenessMillis} after its due
	 * instant.
	 */
	synchronized void add(long nanos, long latenessMillis) {
		int index = (int) Math.max(0, (nanos - this.startNanos) / BUCKET_NANOS);
		while (this.buckets.size() <= index) {
			this.buckets.add(new long[3]);
		}
		long[] bucket = this.buckets.get(index);
		bucket[0]++;
		bucket[1] += latenessMillis;
		bucket[2] = Math.max(bucket[2], latenessMillis);
	}

	/** Marks the start of a phase, such as "1,000,000 due at once". */
	synchronized void mark(String label) {
		this.marks.add(new Object[] { (System.nanoTime() - this.startNanos) / 1e9, label });
	}

	synchronized Path write(Path file, String title) throws IOException {
		System.setProperty("java.awt.headless", "true");
		XYSeries rate = new XYSeries("reminders/s (visible, read_committed)");
		XYSeries mean = new XYSeries("mean lateness (ms)");
		XYSeries max = new XYSeries("max lateness (ms)");
		double perSecond = 1e9 / BUCKET_NANOS;
		for (int i = 0; i < this.buckets.size(); i++) {
			long[] bucket = this.buckets.get(i);
			double seconds = i * BUCKET_NANOS / 1e9;
			rate.add(seconds, bucket[0] * perSecond);
			if (bucket[0] > 0) {
				mean.add(seconds, (double) bucket[1] / bucket[0]);
				max.add(seconds, bucket[2]);
			}
		}
		XYPlot throughput = new XYPlot(new XYSeriesCollection(rate), null, new NumberAxis("reminders/s"),
				new XYStepRenderer());
		XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		lines.setSeriesPaint(0, new Color(0x2b6cb0));
		lines.setSeriesPaint(1, new Color(0xc53030));
		XYSeriesCollection lateness = new XYSeriesCollection(mean);
		lateness.addSeries(max);
		XYPlot latenessPlot = new XYPlot(lateness, null, new NumberAxis("lateness (ms)"), lines);
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the suite started"));
		plot.add(throughput, 1);
		plot.add(latenessPlot, 1);
		for (Object[] mark : this.marks) {
			ValueMarker marker = new ValueMarker((double) mark[0], Color.GRAY, new BasicStroke(1f));
			marker.setLabel((String) mark[1]);
			marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
			marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
			throughput.addDomainMarker(marker);
		}
		Files.createDirectories(file.getParent());
		ChartUtils.saveChartAsPNG(file.toFile(), new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), 1200,
				700);
		return file;
	}

}
