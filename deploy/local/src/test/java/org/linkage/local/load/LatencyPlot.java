package org.linkage.local.load;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The run as a PNG, drawn with the JDK alone: above, each second's p50 and p99 from POST to the offer on the stream
 * (log scale) beside the infra floor's p99 and the target; below, the backlog (needs raised, offer not yet seen).
 */
final class LatencyPlot {

    private static final int WIDTH = 1000;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP_HEIGHT = 380;
    private static final int BOTTOM_HEIGHT = 160;
    private static final double MIN_MS = 1;
    private static final double MAX_MS = 100_000;

    /** One second of the run: its latencies' p50 and p99 (NaN when nothing arrived) and the backlog at its end. */
    record Second(double p50, double p99, long backlog) {
    }

    static void write(Path file, String title, List<Second> seconds, double floorP99, double targetMs)
            throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, TOP_HEIGHT + BOTTOM_HEIGHT + 110, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 20);
        int top = 35;
        int plotWidth = WIDTH - LEFT - RIGHT;
        double xScale = plotWidth / (double) Math.max(1, seconds.size());
        // Latency panel, log scale with a line per decade.
        for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
            int y = latencyY(ms, top);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(ms >= 1000 ? (long) (ms / 1000) + " s" : (long) ms + " ms", 10, y + 4);
        }
        horizontal(g, latencyY(targetMs, top), new Color(200, 0, 0), "target p99 " + (long) targetMs + " ms");
        if (!Double.isNaN(floorP99)) {
            horizontal(g, latencyY(floorP99, top), new Color(0, 140, 0),
                    String.format("infra floor p99 %.1f ms", floorP99));
        }
        series(g, seconds, xScale, top, true, new Color(0, 90, 200));
        series(g, seconds, xScale, top, false, new Color(120, 170, 240));
        g.setColor(new Color(0, 90, 200));
        g.drawString("p99 per second", LEFT + 10, top + 15);
        g.setColor(new Color(120, 170, 240));
        g.drawString("p50 per second", LEFT + 120, top + 15);
        // Backlog panel.
        int bottomTop = top + TOP_HEIGHT + 30;
        long maxBacklog = Math.max(1, seconds.stream().mapToLong(Second::backlog).max().orElse(1));
        g.setColor(Color.BLACK);
        g.drawString("backlog: needs raised whose offer is not yet on the stream (max " + maxBacklog + ")", LEFT,
                bottomTop - 8);
        g.setColor(new Color(230, 120, 0));
        for (int i = 0; i < seconds.size(); i++) {
            int height = (int) (BOTTOM_HEIGHT * seconds.get(i).backlog() / (double) maxBacklog);
            g.fillRect(LEFT + (int) (i * xScale), bottomTop + BOTTOM_HEIGHT - height, Math.max(1, (int) xScale),
                    height);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, top, plotWidth, TOP_HEIGHT);
        g.drawRect(LEFT, bottomTop, plotWidth, BOTTOM_HEIGHT);
        g.drawString("0 s", LEFT, bottomTop + BOTTOM_HEIGHT + 15);
        g.drawString(seconds.size() + " s", WIDTH - RIGHT - 40, bottomTop + BOTTOM_HEIGHT + 15);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void series(Graphics2D g, List<Second> seconds, double xScale, int top, boolean p99, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(p99 ? 2f : 1.5f));
        int lastX = -1;
        int lastY = -1;
        for (int i = 0; i < seconds.size(); i++) {
            double ms = p99 ? seconds.get(i).p99() : seconds.get(i).p50();
            if (Double.isNaN(ms)) {
                lastX = -1;
                continue;
            }
            int x = LEFT + (int) ((i + 0.5) * xScale);
            int y = latencyY(ms, top);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void horizontal(Graphics2D g, int y, Color color, String label) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        g.drawLine(LEFT, y, WIDTH - RIGHT, y);
        g.setStroke(new BasicStroke(1f));
        g.drawString(label, WIDTH - RIGHT - 170, y - 3);
    }

    private static int latencyY(double ms, int top) {
        double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        double fraction = Math.log10(clamped / MIN_MS) / Math.log10(MAX_MS / MIN_MS);
        return top + TOP_HEIGHT - (int) (fraction * TOP_HEIGHT);
    }

    private LatencyPlot() {
    }
}
