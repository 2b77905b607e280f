package dev.briefings.briefing;

import java.util.List;

/** A data-quality finding shown in the briefing, e.g. carve-outs that add up to more than their parent. */
public record DataQualityNote(String message, List<String> initiativeIds) {
}
