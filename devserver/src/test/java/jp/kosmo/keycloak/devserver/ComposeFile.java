package jp.kosmo.keycloak.devserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Compose file that decide what a deployment exposes: each service's image and the entries of its
 * {@code ports:} list. Reads the block layout the repository's compose.yaml uses (two-space indents, one service per
 * block under {@code services:}); anything it cannot read as a short-syntax port or an image reference is reported
 * as a problem, so an unexpected layout fails the checks instead of passing them.
 */
final class ComposeFile {

    /** Published on the loopback interface only: {@code 127.0.0.1:HOST:CONTAINER[/tcp|/udp]}. */
    private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:\\d{1,5}:\\d{1,5}(/(tcp|udp))?");
    /** An exact version tag: digits with at least one dot, optionally a leading v (16.16, v1.33.1, 26.7.5). */
    private static final Pattern EXACT_VERSION = Pattern.compile("v?\\d+(\\.\\d+)+");
    private static final Pattern SERVICE = Pattern.compile("^  ([A-Za-z0-9][A-Za-z0-9_.-]*):\\s*$");
    private static final Pattern IMAGE = Pattern.compile("^    image:\\s*\"?([^\"\\s#]+)\"?\\s*(#.*)?$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s+-\\s*(.*?)\\s*$");

    /** One service: its image reference (null when it has none) and its published ports as written. */
    record Service(String name, String image, List<String> ports) {
    }

    private final Map<String, Service> services;

    private ComposeFile(Map<String, Service> services) {
        this.services = services;
    }

    static ComposeFile parse(String text) {
        Map<String, String> images = new LinkedHashMap<>();
        Map<String, List<String>> ports = new LinkedHashMap<>();
        boolean inServices = false;
        boolean inPorts = false;
        String current = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (indent == 0) {
                inServices = line.startsWith("services:");
                current = null;
                inPorts = false;
                continue;
            }
            if (!inServices) {
                continue;
            }
            Matcher service = SERVICE.matcher(line);
            if (service.matches()) {
                current = service.group(1);
                images.put(current, null);
                ports.put(current, new ArrayList<>());
                inPorts = false;
                continue;
            }
            if (current == null) {
                continue;
            }
            if (indent == 4) {
                inPorts = line.strip().startsWith("ports:");
                String inline = inPorts ? line.strip().substring("ports:".length()).strip() : "";
                if (!inline.isEmpty() && !inline.startsWith("#")) {
                    ports.get(current).add(inline); // a flow list ["8080:8080"] is not read: reported as it is
                }
                Matcher image = IMAGE.matcher(line);
                if (image.matches()) {
                    images.put(current, image.group(1));
                }
                continue;
            }
            if (inPorts && indent > 4) {
                Matcher item = LIST_ITEM.matcher(line);
                String entry = item.matches() ? item.group(1) : line.strip();
                ports.get(current).add(unquote(withoutComment(entry)));
            }
        }
        Map<String, Service> result = new LinkedHashMap<>();
        images.forEach((name, image) -> result.put(name, new Service(name, image, List.copyOf(ports.get(name)))));
        return new ComposeFile(result);
    }

    Map<String, Service> services() {
        return services;
    }

    /** Every published port that is not bound to 127.0.0.1, as "service: entry". */
    List<String> portsNotOnLoopback() {
        List<String> problems = new ArrayList<>();
        services.values().forEach(s -> s.ports().stream()
                .filter(p -> !LOOPBACK_PORT.matcher(p).matches())
                .forEach(p -> problems.add(s.name() + ": " + p)));
        return problems;
    }

    /** Every service without an image pinned to an exact version (no tag, "latest", or a moving tag like "16"). */
    List<String> imagesWithoutExactVersion() {
        List<String> problems = new ArrayList<>();
        for (Service s : services.values()) {
            if (s.image() == null) {
                problems.add(s.name() + ": no image");
                continue;
            }
            String tag = tag(s.image());
            if (tag == null || !EXACT_VERSION.matcher(tag).matches()) {
                problems.add(s.name() + ": " + s.image());
            }
        }
        return problems;
    }

    /** The tag of {@code name[:tag][@digest]}; a colon in the registry host (host:5000/name) is not a tag. */
    static String tag(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(colon + 1) : null;
    }

    private static String withoutComment(String entry) {
        int hash = entry.indexOf(" #");
        return hash >= 0 ? entry.substring(0, hash).strip() : entry;
    }

    private static String unquote(String entry) {
        if (entry.length() >= 2 && (entry.startsWith("\"") && entry.endsWith("\"")
                || entry.startsWith("'") && entry.endsWith("'"))) {
            return entry.substring(1, entry.length() - 1);
        }
        return entry;
    }
}
