package dev.loopwise.security.user;

import dev.loopwise.security.Caller;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser's sign-in post sent from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so that a
 * test can be several clients at once: the server sees each as its own client address.
 */
final class SignInFrom {
    /** What the server answered: status, where it redirects, and the cookies it set. */
    record Answer(int status, String location, List<String> cookies) {
        boolean signedIn() {
            return status == 302
                    && cookies.stream().anyMatch(c -> c.startsWith("loopwise-session=") && !c.startsWith("loopwise-session=;"));
        }

        boolean locked() {
            return location != null && location.contains("/login?error=locked");
        }
    }

    private SignInFrom() {
    }

    static Answer post(String fromAddress, String path, String username, String password) {
        String body = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        String request = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\n"
                + "Origin: " + Caller.origin() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        String[] lines = head.substring(0, Math.max(0, head.indexOf("\r\n\r\n"))).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String location = null;
        List<String> cookies = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Location")) {
                location = value;
            } else if (name.equalsIgnoreCase("Set-Cookie")) {
                cookies.add(value);
            }
        }
        return new Answer(status, location, cookies);
    }
}
