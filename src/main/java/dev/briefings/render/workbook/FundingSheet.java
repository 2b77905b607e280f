package dev.briefings.render.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.briefings.briefing.Breakdown;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.Dimension;
import dev.briefings.briefing.TimelinePoint;

/**
 * One block per breakdown (with its total row: the model's total, written as a number), the timeline block, and
 * native charts beside the blocks for committed funding by stage and by party and for the timeline.
 */
final class FundingSheet {

    /** Dimensions that get a chart. */
    static final List<Dimension> CHARTED = List.of(Dimension.STAGE, Dimension.PARTY);
    /** A chart with more bars than this would be unreadable; the largest come first, so the rest are left out. */
    static final int MAX_CHART_BARS = 15;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;

    FundingSheet(SXSSFWorkbook workbook, WorkbookStyles styles) {
        this.workbook = workbook;
        this.styles = styles;
    }

    void write(BriefingModel model) {
        var sheet = workbook.getSheet(WorkbookTemplate.FUNDING);
        var xssf = workbook.getXSSFWorkbook().getSheet(WorkbookTemplate.FUNDING);
        int top = WorkbookTemplate.firstFreeRow(xssf);
        var cursor = new RowCursor(sheet, top);
        var s = styles;
        Cells.text(cursor.next(), 0, "Funding (USD)", s.heading());
        cursor.skip();
        var charts = new FundingCharts(xssf, top);
        for (Breakdown breakdown : model.breakdowns()) {
            String label = breakdown.dimension().label();
            Cells.text(cursor.next(), 0, "By " + label.toLowerCase(Locale.ROOT), s.heading());
            header(cursor.next(), label, "Committed USD", "Proposed USD", "Share of committed");
            int first = cursor.position();
            for (Breakdown.BreakdownRow item : breakdown.rows()) {
                Row row = cursor.next();
                Cells.text(row, 0, item.label(), s.text());
                Cells.decimal(row, 1, item.committedUsd(), s.money());
                Cells.decimal(row, 2, item.proposedUsd(), s.money());
                Cells.decimal(row, 3, item.committedShare(), s.percent());
            }
            Row total = cursor.next();
            Cells.text(total, 0, "Total", s.totalLabel());
            Cells.decimal(total, 1, breakdown.committedTotal(), s.totalMoney());
            Cells.decimal(total, 2, breakdown.proposedTotal(), s.totalMoney());
            Cells.decimal(total, 3, breakdown.committedTotal().signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE,
                    s.totalPercent());
            cursor.skip();
            if (CHARTED.contains(breakdown.dimension()) && !breakdown.rows().isEmpty()) {
                int bars = Math.min(breakdown.rows().size(), MAX_CHART_BARS);
                var labels = new ArrayList<String>();
                var values = new ArrayList<Double>();
                for (var item : breakdown.rows().subList(0, bars)) {
                    labels.add(Cells.fit(item.label()));
                    values.add(item.committedUsd().doubleValue());
                }
                charts.committedBars("Committed USD by " + label.toLowerCase(Locale.ROOT),
                        labels, values, first, first + bars - 1);
            }
        }

        Cells.text(cursor.next(), 0, "Timeline (per quarter)", s.heading());
        header(cursor.next(), "Period", "Announcements", "Committed USD");
        int first = cursor.position();
        var periods = new ArrayList<String>();
        var announcements = new ArrayList<Double>();
        var committed = new ArrayList<Double>();
        for (TimelinePoint point : model.timeline()) {
            Row row = cursor.next();
            Cells.text(row, 0, point.period(), s.text());
            Cells.number(row, 1, point.announcements(), s.integer());
            Cells.decimal(row, 2, point.committedUsd(), s.money());
            periods.add(point.period());
            announcements.add((double) point.announcements());
            committed.add(point.committedUsd().doubleValue());
        }
        if (!periods.isEmpty()) {
            charts.timeline(periods, announcements, committed, first, cursor.position() - 1);
        }
    }

    private void header(Row row, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Cells.text(row, i, titles[i], styles.header());
        }
    }
}
