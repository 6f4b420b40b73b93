package jp.kosmo.keycloak.funnel;

import java.util.List;

import jp.kosmo.keycloak.csv.SpreadsheetCsv;

/** The members stuck at a step as CSV, in the form of {@link SpreadsheetCsv} (the terms export's). */
final class FunnelCsv {

    static final List<String> HEADER = List.of("username", "user_id", "name", "enabled", "step", "since_utc");

    private FunnelCsv() {
    }

    static String render(FunnelStep step, List<StuckMember> members) {
        return SpreadsheetCsv.render(HEADER, members.stream()
                .map(m -> java.util.Arrays.asList(m.username(), m.id(), m.name(), String.valueOf(m.enabled()), step.id(),
                        m.since() == null ? "" : m.since().toString()))
                .toList());
    }
}
