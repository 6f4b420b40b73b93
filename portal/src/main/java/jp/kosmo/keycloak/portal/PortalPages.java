package jp.kosmo.keycloak.portal;

import java.util.List;

/**
 * The portal's pages as HTML: the top page of the manual (「KOSMO Webログイン後のトップ画面」), the signed-out page and
 * the error page. Every text comes from {@link PortalTexts}; every value is escaped.
 */
final class PortalPages {

    /** The services of the manual's top page, in its order (keys {@code service.<id>}). */
    static final List<String> SERVICES = List.of("medical", "dock", "application", "expenses", "checkup");

    private PortalPages() {
    }

    static String top(PortalTexts t, PortalSessions.Member member, String csrf, String accountConsoleUrl) {
        StringBuilder services = new StringBuilder();
        for (String service : SERVICES) {
            services.append("<li class=\"service\" id=\"service-").append(service).append("\">")
                    .append(t.html("service." + service)).append("</li>");
        }
        return page(t, t.html("top.title"), """
                <header><div class="brand" id="portal-brand">%s</div><div class="union">%s</div>
                <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf" value="%s">
                <input type="hidden" name="lang" value="%s">
                <button type="submit" id="portal-logout">%s</button></form></header>
                <main>
                <p id="portal-member">%s</p>
                <p id="portal-signed-in-with">%s</p>
                <p><a id="portal-account-console" href="%s">%s</a></p>
                <section><h2>%s</h2><ul class="services" id="portal-services">%s</ul></section>
                <section><h2 id="portal-travel">%s</h2></section>
                <section><h2>%s</h2><p id="portal-notices">%s</p></section>
                </main>""".formatted(t.html("brand"), t.html("union"), Html.escape(csrf), t.language(),
                t.html("logout"), t.html("top.member", member.name()), signedInWith(t, member),
                Html.escape(accountConsoleUrl), t.html("top.account"), t.html("services"), services,
                t.html("travel"), t.html("notices"), t.html("notices.none")));
    }

    /**
     * The sign-in method the member chose at 【8】 ({@code kosmo_auth_method}), and how this sign-in was made when the
     * token says so ({@code amr}). Keycloak 26.7 fills {@code amr} only from executions whose authenticator config
     * carries a reference value, which the realm's flow does not set (the login form's one execution serves both
     * password and passkey, so it could not tell them apart); the line is left out then.
     */
    static String signedInWith(PortalTexts t, PortalSessions.Member member) {
        String chosen = member.chosenMethod();
        String method = chosen == null || chosen.isBlank() ? t.html("method.none")
                : t.has("method." + chosen) ? t.html("method." + chosen) : Html.escape(chosen);
        String out = t.html("top.chosenMethod") + "<span id=\"portal-method\">" + method + "</span>";
        if (!member.amr().isEmpty()) {
            StringBuilder amr = new StringBuilder();
            for (String value : member.amr()) {
                if (amr.length() > 0) {
                    amr.append(t.html("list.separator"));
                }
                amr.append(t.has("amr." + value) ? t.html("amr." + value) : Html.escape(value));
            }
            out += t.html("top.amrSeparator") + t.html("top.signedInWith") + "<span id=\"portal-amr\">" + amr + "</span>";
        }
        return out;
    }

    static String signedOut(PortalTexts t) {
        return page(t, t.html("signedOut.title"), """
                <header><div class="brand">%s</div><div class="union">%s</div></header>
                <main><h1 id="portal-signed-out">%s</h1><p>%s</p>
                <p><a id="portal-login-again" href="/?lang=%s">%s</a></p></main>""".formatted(t.html("brand"),
                t.html("union"), t.html("signedOut.title"), t.html("signedOut.text"), t.language(),
                t.html("signedOut.again")));
    }

    static String error(PortalTexts t) {
        return page(t, t.html("error.title"), """
                <header><div class="brand">%s</div></header>
                <main><h1 id="portal-error">%s</h1><p>%s</p>
                <p><a href="/?lang=%s">%s</a></p></main>""".formatted(t.html("brand"), t.html("error.title"),
                t.html("error.text"), t.language(), t.html("signedOut.again")));
    }

    private static String page(PortalTexts t, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:sans-serif;margin:0;color:#222}
                header{display:flex;align-items:center;gap:1em;padding:.8em 1.2em;background:#0b4f8a;color:#fff}
                .brand{font-weight:bold;font-size:1.3em}.union{flex:1}
                header button{font-size:1em;padding:.4em 1em}
                main{padding:1em 1.2em;max-width:60em}
                .services{display:flex;flex-wrap:wrap;gap:.8em;list-style:none;padding:0}
                .service{border:1px solid #0b4f8a;border-radius:.4em;padding:1em 1.4em;min-width:8em;text-align:center}
                </style></head>
                <body>%s</body></html>
                """.formatted(t.language(), title, body);
    }
}
