package io.trustyard.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * One PNG per section, drawn with java.awt (headless, no dependency). Each figure is a row with its
 * own scale, since units differ: the peer's bar (grey), Trustyard's bar (blue), a black tick where
 * the target puts Trustyard's bar, and the ratio with met (green) or MISSED (red).
 */
final class Chart {
  private static final int WIDTH = 1100;
  private static final int ROW = 84;
  private static final int TOP = 56;
  private static final int LEFT = 20;
  private static final int BAR_LEFT = 250;
  private static final int BAR_WIDTH = 500;
  private static final Color PEER = new Color(0x9e, 0x9e, 0x9e);
  private static final Color OURS = new Color(0x1f, 0x6f, 0xd1);
  private static final Color MET = new Color(0x1b, 0x8a, 0x3a);
  private static final Color MISSED = new Color(0xc6, 0x28, 0x28);

  private Chart() {}

  static void write(Section section, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    int rows = Math.max(1, section.figures.size());
    int height = TOP + rows * ROW + 30;
    BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
      g.drawString(section.title, LEFT, 28);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      legend(g);
      if (section.figures.isEmpty()) {
        g.setColor(MISSED);
        g.drawString(section.failure == null ? "no figures" : "failed: " + section.failure, LEFT, TOP + 20);
      }
      int y = TOP;
      for (Figure f : section.figures) {
        row(g, f, y);
        y += ROW;
      }
    } finally {
      g.dispose();
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
  }

  private static void legend(Graphics2D g) {
    int x = WIDTH - 430;
    g.setColor(PEER);
    g.fillRect(x, 16, 14, 12);
    g.setColor(Color.BLACK);
    g.drawString("peer / limit", x + 20, 27);
    g.setColor(OURS);
    g.fillRect(x + 110, 16, 14, 12);
    g.setColor(Color.BLACK);
    g.drawString("Trustyard", x + 130, 27);
    g.fillRect(x + 210, 13, 3, 18);
    g.drawString("target for Trustyard", x + 220, 27);
  }

  private static void row(Graphics2D g, Figure f, int y) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(f.name() + " (" + f.unit() + (f.higherIsBetter() ? ", higher is better)" : ", lower is better)"),
        LEFT, y + 14);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    double target = f.peer() * f.targetRatio();
    double max = maxOf(f.peer(), f.ours(), target);
    int barH = 18;
    int peerY = y + 22;
    int oursY = peerY + barH + 4;
    g.drawString(clip(f.peerName(), fm, BAR_LEFT - LEFT - 10), LEFT, peerY + 14);
    g.drawString("Trustyard", LEFT, oursY + 14);
    bar(g, PEER, f.peer(), max, peerY, barH, f.unit());
    bar(g, OURS, f.ours(), max, oursY, barH, f.unit());
    if (Double.isFinite(target) && max > 0) {
      int tx = BAR_LEFT + (int) Math.round(BAR_WIDTH * target / max);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(3));
      g.drawLine(tx, oursY - 3, tx, oursY + barH + 3);
      g.setStroke(new BasicStroke(1));
    }
    int textX = BAR_LEFT + BAR_WIDTH + 150;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(!f.measured() || !f.hasTarget() ? Color.DARK_GRAY : f.met() ? MET : MISSED);
    g.drawString((f.measured() ? Figure.fmt(f.ratio()) + "x" : "n/a") + "  " + f.verdict(), textX, peerY + 14);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(Color.BLACK);
    g.drawString(f.hasTarget() ? "target " + (f.higherIsBetter() ? ">= " : "<= ") + Figure.fmt(f.targetRatio()) + "x"
        : "no target set", textX, oursY + 14);
  }

  private static void bar(Graphics2D g, Color color, double value, double max, int y, int h, String unit) {
    if (!Double.isFinite(value) || max <= 0) {
      g.setColor(Color.DARK_GRAY);
      g.drawString("not measured", BAR_LEFT, y + 14);
      return;
    }
    int w = Math.max(1, (int) Math.round(BAR_WIDTH * value / max));
    g.setColor(color);
    g.fillRect(BAR_LEFT, y, w, h);
    g.setColor(Color.BLACK);
    g.drawString(Figure.fmt(value) + " " + unit, BAR_LEFT + w + 6, y + 14);
  }

  private static double maxOf(double... values) {
    double max = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        max = Math.max(max, v);
      }
    }
    return max;
  }

  private static String clip(String s, FontMetrics fm, int width) {
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    String t = s;
    while (!t.isEmpty() && fm.stringWidth(t + "...") > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "...";
  }
}
