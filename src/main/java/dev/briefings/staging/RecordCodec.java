package dev.briefings.staging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.briefings.intake.FundingLine;
import dev.briefings.intake.FundingStatus;
import dev.briefings.intake.FundingType;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.InitiativeStatus;
import dev.briefings.intake.Organization;
import dev.briefings.intake.ReportedFigure;
import dev.briefings.intake.Source;
import dev.briefings.intake.Stage;
import dev.briefings.intake.StatedRisk;
import dev.briefings.intake.RiskCategory;

/**
 * The binary layout of one staged initiative: lengths and small numbers as unsigned varints, texts as UTF-8 with
 * their length plus one (0 for null), enums by ordinal, dates as epoch days, amounts as scale and unscaled value.
 * Reading it back takes no JSON parsing and no lookups; it is only ever read by the same version that wrote it.
 */
final class RecordCodec {

    private static final InitiativeKind[] KINDS = InitiativeKind.values();
    private static final InitiativeStatus[] STATUSES = InitiativeStatus.values();
    private static final Stage[] STAGES = Stage.values();
    private static final FundingStatus[] FUNDING_STATUSES = FundingStatus.values();
    private static final FundingType[] FUNDING_TYPES = FundingType.values();
    private static final RiskCategory[] RISK_CATEGORIES = RiskCategory.values();

    private RecordCodec() {
    }

    // ------------------------------------------------------------------ writing

    /** A growable byte buffer that the encoder appends to. */
    static final class Out {
        byte[] bytes = new byte[1024];
        int length;

        void reset() {
            length = 0;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void b(int v) {
            ensure(1);
            bytes[length++] = (byte) v;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[length++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[length++] = (byte) v;
        }

        void signed(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void text(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }

        void decimal(BigDecimal d) {
            signed(d.scale());
            BigInteger unscaled = d.unscaledValue();
            if (unscaled.bitLength() < 63) {
                b(0);
                signed(unscaled.longValue());
            } else {
                byte[] big = unscaled.toByteArray();
                b(1);
                varint(big.length);
                ensure(big.length);
                System.arraycopy(big, 0, bytes, length, big.length);
                length += big.length;
            }
        }

        void date(LocalDate d) {
            if (d == null) {
                b(0);
            } else {
                b(1);
                signed(d.toEpochDay());
            }
        }

        void texts(List<String> list) {
            varint(list.size());
            for (String s : list) {
                text(s);
            }
        }
    }

    static void writeInitiative(Out out, Initiative i) {
        out.text(i.id());
        out.text(i.title());
        out.varint(i.kind().ordinal());
        out.date(i.announced());
        out.texts(i.parties());
        out.varint(i.stages().size());
        for (Stage s : i.stages()) {
            out.varint(s.ordinal());
        }
        out.varint(i.sources().size());
        for (Source s : i.sources()) {
            out.text(s.url());
            out.text(s.publisher());
            out.date(s.published());
            out.text(s.title());
            ReportedFigure r = s.reported();
            if (r == null) {
                out.b(0);
            } else {
                out.b(1);
                out.decimal(r.amount());
                out.text(r.currency());
                out.text(r.note());
            }
        }
        out.text(i.summary());
        out.texts(i.minerals());
        out.varint(i.organizations().size());
        for (Organization o : i.organizations()) {
            out.text(o.name());
            out.text(o.role());
            out.text(o.ticker());
        }
        out.text(i.location());
        out.varint(i.status().ordinal());
        out.b(i.binding() ? 1 : 0);
        out.text(i.partOf());
        out.varint(i.funding().size());
        for (FundingLine f : i.funding()) {
            out.decimal(f.amount());
            out.text(f.currency());
            out.varint(f.status().ordinal());
            out.varint(f.type() == null ? 0 : f.type().ordinal() + 1);
            out.text(f.note());
        }
        out.varint(i.risks().size());
        for (StatedRisk r : i.risks()) {
            out.varint(r.category().ordinal());
            out.text(r.note());
        }
        out.texts(i.tags());
    }

    // ------------------------------------------------------------------ reading

    /** Reads values in the order {@link Out} wrote them. */
    static final class In {
        private final byte[] bytes;
        private int pos;

        In(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        int position() {
            return pos;
        }

        int b() {
            return bytes[pos++] & 0xFF;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                int x = bytes[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        int count() {
            return (int) varint();
        }

        long signed() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        String text() {
            int n = count();
            if (n == 0) {
                return null;
            }
            String s = new String(bytes, pos, n - 1, StandardCharsets.UTF_8);
            pos += n - 1;
            return s;
        }

        BigDecimal decimal() {
            int scale = (int) signed();
            if (b() == 0) {
                return BigDecimal.valueOf(signed(), scale);
            }
            int n = count();
            BigInteger unscaled = new BigInteger(bytes, pos, n);
            pos += n;
            return new BigDecimal(unscaled, scale);
        }

        LocalDate date() {
            return b() == 0 ? null : LocalDate.ofEpochDay(signed());
        }

        List<String> texts() {
            int n = count();
            if (n == 0) {
                return List.of();
            }
            String[] a = new String[n];
            for (int k = 0; k < n; k++) {
                a[k] = text();
            }
            return List.of(a);
        }
    }

    static Initiative readInitiative(In in) {
        String id = in.text();
        String title = in.text();
        InitiativeKind kind = KINDS[in.count()];
        LocalDate announced = in.date();
        List<String> parties = in.texts();
        int n = in.count();
        List<Stage> stages = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            stages.add(STAGES[in.count()]);
        }
        n = in.count();
        List<Source> sources = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String url = in.text();
            String publisher = in.text();
            LocalDate published = in.date();
            String sourceTitle = in.text();
            ReportedFigure reported = in.b() == 0 ? null : new ReportedFigure(in.decimal(), in.text(), in.text());
            sources.add(new Source(url, publisher, published, sourceTitle, reported));
        }
        String summary = in.text();
        List<String> minerals = in.texts();
        n = in.count();
        List<Organization> organizations = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            organizations.add(new Organization(in.text(), in.text(), in.text()));
        }
        String location = in.text();
        InitiativeStatus status = STATUSES[in.count()];
        boolean binding = in.b() == 1;
        String partOf = in.text();
        n = in.count();
        List<FundingLine> funding = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            BigDecimal amount = in.decimal();
            String currency = in.text();
            FundingStatus fs = FUNDING_STATUSES[in.count()];
            int type = in.count();
            funding.add(new FundingLine(amount, currency, fs, type == 0 ? null : FUNDING_TYPES[type - 1], in.text()));
        }
        n = in.count();
        List<StatedRisk> risks = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            risks.add(new StatedRisk(RISK_CATEGORIES[in.count()], in.text()));
        }
        List<String> tags = in.texts();
        return new Initiative(id, title, kind, announced, parties, List.copyOf(stages), List.copyOf(sources), summary,
                minerals, List.copyOf(organizations), location, status, binding, partOf, List.copyOf(funding),
                List.copyOf(risks), tags);
    }
}
