package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken clients over raw sockets: each must get a FATAL 08P01 (or just lose its own
 * connection), and the server must go on serving everyone else.
 */
class RobustnessTest extends SharedServerTest {
  @AfterEach
  void serverStillServesOthers() throws SQLException {
    try (Connection c = server.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
    }
  }

  // ---- (a), (b): before and during startup ------------------------------------------------------

  @Test
  void garbageBeforeStartup() throws IOException {
    try (RawClient c = new RawClient(server.port)) {
      c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      Map<Character, String> error = c.expectFatalThenClose();
      assertEquals("08P01", error.get('C'));
    }
  }

  @Test
  void unknownProtocolVersionBeforeStartup() throws IOException {
    try (RawClient c = new RawClient(server.port)) {
      c.send(ByteBuffer.allocate(16).putInt(16).putInt(0x12345678).putLong(0).array());
      Map<Character, String> error = c.expectFatalThenClose();
      assertEquals("0A000", error.get('C'));
      assertTrue(error.get('M').startsWith("unsupported frontend protocol 4660.22136"), error.get('M'));
    }
  }

  @Test
  void startupPacketClaimingTwoGigabytes() throws IOException {
    try (RawClient c = new RawClient(server.port)) {
      c.send(ByteBuffer.allocate(8).putInt(0x7fffffff).putInt(196608).array());
      assertEquals("08P01", c.expectFatalThenClose().get('C'));
    }
  }

  // ---- (c): after a real SCRAM-SHA-256 login ----------------------------------------------------

  @Test
  void loginThenQueryOverRawSocket() throws IOException {
    try (RawClient c = RawClient.loggedIn(server.port)) {
      c.sendTyped('Q', cstr("SELECT 41 + 1"));
      RawClient.Message row = c.skipUntil('D');
      ByteBuffer b = ByteBuffer.wrap(row.body());
      assertEquals(1, b.getShort());
      int len = b.getInt();
      byte[] value = new byte[len];
      b.get(value);
      assertEquals("42", new String(value, StandardCharsets.UTF_8));
      assertEquals("SELECT 1", RawClient.cstring(c.skipUntil('C').body()));
      assertEquals('I', (char) c.skipUntil('Z').body()[0]);
    }
  }

  @Test
  void messageClaimingTwoGigabytesAfterLogin() throws IOException {
    try (RawClient c = RawClient.loggedIn(server.port)) {
      // Only the header goes out: the server must refuse at once, not wait for 2 GB.
      c.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(0x7fffffff).array());
      assertEquals("08P01", c.expectFatalThenClose().get('C'));
    }
  }

  @Test
  void negativeLengthAfterLogin() throws IOException {
    try (RawClient c = RawClient.loggedIn(server.port)) {
      c.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(-1).array());
      assertEquals("08P01", c.expectFatalThenClose().get('C'));
    }
  }

  @Test
  void unknownMessageTypeAfterLogin() throws IOException {
    try (RawClient c = RawClient.loggedIn(server.port)) {
      c.sendTyped('z', new byte[0]);
      Map<Character, String> error = c.expectFatalThenClose();
      assertEquals("08P01", error.get('C'));
      assertEquals("invalid frontend message type 122", error.get('M'));
    }
  }

  @Test
  void bindWhoseParameterCountExceedsTheMessage() throws IOException {
    try (RawClient c = RawClient.loggedIn(server.port)) {
      ByteBuffer body = ByteBuffer.allocate(12).put((byte) 0).put((byte) 0)
          .putShort((short) 0).putShort((short) 30000).putInt(1);
      c.sendTyped('B', body.array());
      assertEquals("08P01", c.expectFatalThenClose().get('C'));
    }
  }

  @Test
  void truncatedFrameFollowedByClose() throws IOException {
    try (RawClient c = RawClient.loggedIn(server.port)) {
      byte[] partial = ByteBuffer.allocate(12).put((byte) 'Q').putInt(100)
          .put("SELE".getBytes(StandardCharsets.US_ASCII)).array();
      c.send(partial);
      c.socket.shutdownOutput();
      // Nothing more can be said to a client that left mid-message; the server just closes.
      List<RawClient.Message> rest = c.readUntilClosed();
      for (RawClient.Message m : rest) {
        assertTrue(m.type() == 'E' || m.type() == 'N', "unexpected message " + m.type());
      }
    }
  }

  @Test
  void protocolErrorOnOneConnectionLeavesAnotherSessionUntouched() throws IOException {
    try (RawClient healthy = RawClient.loggedIn(server.port);
        RawClient broken = RawClient.loggedIn(server.port)) {
      broken.sendTyped('z', new byte[0]);
      assertEquals("08P01", broken.expectFatalThenClose().get('C'));
      healthy.sendTyped('Q', cstr("SELECT 'still here'"));
      assertEquals("SELECT 1", RawClient.cstring(healthy.skipUntil('C').body()));
      healthy.skipUntil('Z');
    }
  }

  // ---- (d): stalled startups ------------------------------------------------------------------

  @Test
  void halfSentStartupPacketsDoNotBlockOthers() throws Exception {
    List<RawClient> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        RawClient c = new RawClient(server.port);
        // Announce 50 bytes, send 6, then hang.
        c.send(ByteBuffer.allocate(6).putInt(50).putShort((short) 3).array());
        stalled.add(c);
      }
      long start = System.nanoTime();
      try (Connection conn = server.connect();
          Statement s = conn.createStatement();
          ResultSet rs = s.executeQuery("SELECT 'through'")) {
        assertTrue(rs.next());
        assertEquals("through", rs.getString(1));
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5_000, "a normal login took " + millis + " ms behind stalled clients");
      // The stalled ones are still waiting, not answered or dropped.
      for (RawClient c : stalled) {
        assertTrue(c.nothingToRead(), "a stalled client was answered before finishing its packet");
      }
    } finally {
      for (RawClient c : stalled) {
        c.close();
      }
    }
  }

  private static byte[] cstr(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, b.length);
    return out;
  }

  /** A protocol 3.0 client on a raw socket, with just enough SCRAM-SHA-256 to log in. */
  static final class RawClient implements AutoCloseable {
    record Message(char type, byte[] body) {}

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(5_000);
      socket.setTcpNoDelay(true);
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    static RawClient loggedIn(int port) throws IOException {
      RawClient c = new RawClient(port);
      c.login("postgres", TestServer.PASSWORD);
      return c;
    }

    void send(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    void sendTyped(char type, byte[] body) throws IOException {
      send(ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body)
          .array());
    }

    /** The next message, or null when the server closed the connection. */
    Message read() throws IOException {
      int type;
      try {
        type = in.read();
      } catch (SocketException e) {
        return null; // reset by the server after it closed
      }
      if (type < 0) {
        return null;
      }
      int len = in.readInt();
      byte[] body = new byte[len - 4];
      in.readFully(body);
      return new Message((char) type, body);
    }

    Message skipUntil(char type) throws IOException {
      for (Message m = read(); m != null; m = read()) {
        if (m.type() == type) {
          return m;
        }
        if (m.type() == 'E' && type != 'E') {
          fail("unexpected error: " + fields(m.body()));
        }
      }
      return fail("connection closed while waiting for '" + type + "'");
    }

    List<Message> readUntilClosed() throws IOException {
      List<Message> got = new ArrayList<>();
      try {
        for (Message m = read(); m != null; m = read()) {
          got.add(m);
        }
      } catch (EOFException e) {
        // closed mid-message: still closed
      } catch (SocketTimeoutException e) {
        fail("the server kept the connection open; received " + got.size() + " messages");
      }
      return got;
    }

    /** Expects exactly one FATAL ErrorResponse, then the end of the connection. */
    Map<Character, String> expectFatalThenClose() throws IOException {
      List<Message> got = readUntilClosed();
      assertEquals(1, got.size(), "expected one ErrorResponse before the close");
      assertEquals('E', got.get(0).type());
      Map<Character, String> f = fields(got.get(0).body());
      assertEquals("FATAL", f.get('S'));
      assertEquals("FATAL", f.get('V'));
      assertNotNull(f.get('M'));
      return f;
    }

    boolean nothingToRead() throws IOException {
      int old = socket.getSoTimeout();
      socket.setSoTimeout(50);
      try {
        in.read(); // data or end of stream: either way the server did not wait
        return false;
      } catch (SocketTimeoutException e) {
        return true;
      } finally {
        socket.setSoTimeout(old);
      }
    }

    void login(String user, String password) throws IOException {
      ByteArrayOutputStream params = new ByteArrayOutputStream();
      for (String s : new String[] {"user", user, "database", "postgres", "application_name", "raw"}) {
        params.write(cstr(s));
      }
      params.write(0);
      byte[] p = params.toByteArray();
      send(ByteBuffer.allocate(8 + p.length).putInt(8 + p.length).putInt(196608).put(p).array());

      Message sasl = read();
      assertNotNull(sasl, "closed before authentication");
      assertEquals('R', sasl.type());
      ByteBuffer b = ByteBuffer.wrap(sasl.body());
      assertEquals(10, b.getInt(), "AuthenticationSASL");
      assertTrue(new String(sasl.body(), StandardCharsets.UTF_8).contains("SCRAM-SHA-256\0"));

      byte[] nonceBytes = new byte[18];
      new SecureRandom().nextBytes(nonceBytes);
      String clientNonce = Base64.getEncoder().encodeToString(nonceBytes);
      String clientFirstBare = "n=,r=" + clientNonce;
      byte[] clientFirst = ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8);
      byte[] mechanism = cstr("SCRAM-SHA-256");
      sendTyped('p', ByteBuffer.allocate(mechanism.length + 4 + clientFirst.length)
          .put(mechanism).putInt(clientFirst.length).put(clientFirst).array());

      Message cont = read();
      assertNotNull(cont);
      assertEquals('R', cont.type(), () -> "expected SASLContinue, got " + fields(cont.body()));
      ByteBuffer cb = ByteBuffer.wrap(cont.body());
      assertEquals(11, cb.getInt(), "AuthenticationSASLContinue");
      String serverFirst = new String(cont.body(), 4, cont.body().length - 4, StandardCharsets.UTF_8);
      Map<String, String> attrs = new LinkedHashMap<>();
      for (String part : serverFirst.split(",")) {
        attrs.put(part.substring(0, 1), part.substring(2));
      }
      String nonce = attrs.get("r");
      assertTrue(nonce.startsWith(clientNonce), "server nonce extends the client's");
      byte[] salt = Base64.getDecoder().decode(attrs.get("s"));
      int iterations = Integer.parseInt(attrs.get("i"));

      String clientFinalWithoutProof = "c=biws,r=" + nonce;
      String authMessage = clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof;
      byte[] salted = hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
      byte[] clientKey = hmac(salted, "Client Key");
      byte[] storedKey = sha256(clientKey);
      byte[] signature = hmac(storedKey, authMessage);
      byte[] proof = new byte[clientKey.length];
      for (int i = 0; i < proof.length; i++) {
        proof[i] = (byte) (clientKey[i] ^ signature[i]);
      }
      String clientFinal = clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
      sendTyped('p', clientFinal.getBytes(StandardCharsets.UTF_8));

      Message fin = read();
      assertNotNull(fin);
      assertEquals('R', fin.type(), () -> "login failed: " + fields(fin.body()));
      ByteBuffer fb = ByteBuffer.wrap(fin.body());
      assertEquals(12, fb.getInt(), "AuthenticationSASLFinal");
      byte[] serverSignature = hmac(hmac(salted, "Server Key"), authMessage);
      assertArrayEquals(("v=" + Base64.getEncoder().encodeToString(serverSignature))
          .getBytes(StandardCharsets.UTF_8),
          java.util.Arrays.copyOfRange(fin.body(), 4, fin.body().length));
      Message ok = read();
      assertNotNull(ok);
      assertEquals('R', ok.type());
      assertEquals(0, ByteBuffer.wrap(ok.body()).getInt(), "AuthenticationOk");
      assertEquals('I', (char) skipUntil('Z').body()[0]);
    }

    static Map<Character, String> fields(byte[] body) {
      Map<Character, String> f = new LinkedHashMap<>();
      int i = 0;
      while (i < body.length && body[i] != 0) {
        char code = (char) body[i++];
        int end = i;
        while (body[end] != 0) {
          end++;
        }
        f.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
        i = end + 1;
      }
      return f;
    }

    static String cstring(byte[] body) {
      int end = 0;
      while (body[end] != 0) {
        end++;
      }
      return new String(body, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] hi(byte[] password, byte[] salt, int iterations) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password, "HmacSHA256"));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int n = 1; n < iterations; n++) {
          u = mac.doFinal(u);
          for (int i = 0; i < result.length; i++) {
            result[i] ^= u[i];
          }
        }
        return result;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static byte[] hmac(byte[] key, String data) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static byte[] sha256(byte[] data) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(data);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
