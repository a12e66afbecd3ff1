package org.postfixtls.wizard.adapter.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A tiny DNS server on a loopback UDP port answering from a fixed zone, for tests only. It plays the validating
 * resolver too: {@link #validated} decides whether answers carry the AD bit. Unknown names get NXDOMAIN.
 */
final class AuthoritativeDnsDouble implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Thread thread;
    volatile boolean validated = true;

    AuthoritativeDnsDouble() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofVirtual().start(this::serve);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** Adds a record in zone-file syntax, e.g. {@code example.test. 300 IN MX 10 mail.example.test.}. */
    void add(String zoneLine) throws IOException {
        String[] parts = zoneLine.split("\\s+", 5);
        Name name = Name.fromString(parts[0]);
        int type = org.xbill.DNS.Type.value(parts[3]);
        Record record = Record.fromString(name, type, org.xbill.DNS.DClass.IN, Long.parseLong(parts[1]), parts[4], Name.root);
        zone.computeIfAbsent(name, n -> new ArrayList<>()).add(record);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = answer(query);
                byte[] wire = response.toWire(1232);
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RD);
        response.getHeader().setFlag(Flags.RA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        List<Record> records = zone.get(question.getName());
        if (records == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        records.stream().filter(r -> r.getType() == question.getType()).forEach(r -> response.addRecord(r, Section.ANSWER));
        if (validated) {
            response.getHeader().setFlag(Flags.AD);
        }
        return response;
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
