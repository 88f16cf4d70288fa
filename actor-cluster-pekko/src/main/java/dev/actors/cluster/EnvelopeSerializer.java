package dev.actors.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.serialization.Serializers;

import dev.actors.cluster.EntityCommand.Call;
import dev.actors.cluster.EntityCommand.Cast;

/**
 * Writes the envelopes of remote calls and casts: a few fixed fields, and the application's message or reply
 * nested as Pekko serializes it (Jackson CBOR, as the cluster binds every keyed actor's message and reply type).
 * The payload is serialized only when the envelope crosses the wire: a call to a key on this instance is never
 * serialized.
 */
final class EnvelopeSerializer extends SerializerWithStringManifest {

    /** Pekko's own serializers take the identifiers up to 40. */
    static final int IDENTIFIER = 61_016;

    private static final String CALL = "C";

    private static final String CAST = "T";

    private static final String REPLY = "R";

    private final ExtendedActorSystem system;

    // Created on first use: the serialization extension is still being built when it creates its serializers.
    private volatile Serialization serialization;

    private volatile ActorRefResolver resolver;

    EnvelopeSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof Call) {
            return CALL;
        }
        if (o instanceof Cast) {
            return CAST;
        }
        if (o instanceof Reply) {
            return REPLY;
        }
        throw new IllegalArgumentException("Cannot serialize " + o.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (o instanceof Call call) {
                out.writeLong(call.deadline());
                writeString(out, resolver().toSerializationFormat(call.replyTo()));
                writePayload(out, call.message());
            }
            else if (o instanceof Cast cast) {
                writePayload(out, cast.message());
            }
            else if (o instanceof Reply reply) {
                Reply.Failure failure = reply.failure();
                out.writeBoolean(failure != null);
                if (failure != null) {
                    out.writeByte(failure.kind().ordinal());
                    writeString(out, failure.className());
                    writeString(out, failure.message());
                    out.writeLong(failure.number());
                }
                else {
                    writePayload(out, reply.value());
                }
            }
            else {
                throw new IllegalArgumentException("Cannot serialize " + o.getClass().getName());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            switch (manifest) {
                case CALL: {
                    long deadline = in.readLong();
                    ActorRef<Reply> replyTo = resolver().resolveActorRef(readString(in));
                    return new Call(readPayload(in), deadline, replyTo);
                }
                case CAST:
                    return new Cast(readPayload(in));
                case REPLY: {
                    if (in.readBoolean()) {
                        Reply.Kind kind = Reply.Kind.values()[in.readByte()];
                        return new Reply(null, new Reply.Failure(kind, readString(in), readString(in), in.readLong()), false);
                    }
                    return Reply.of(readPayload(in));
                }
                default:
                    throw new NotSerializableException("Unknown manifest '" + manifest + "'");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writePayload(DataOutputStream out, Object payload) throws IOException {
        out.writeBoolean(payload != null);
        if (payload == null) {
            return;
        }
        Serializer serializer = serialization().findSerializerFor(payload);
        byte[] data = serializer.toBinary(payload);
        out.writeInt(serializer.identifier());
        writeString(out, Serializers.manifestFor(serializer, payload));
        out.writeInt(data.length);
        out.write(data);
    }

    private Object readPayload(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int serializerId = in.readInt();
        String manifest = readString(in);
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        return serialization().deserialize(data, serializerId, manifest).get();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private Serialization serialization() {
        Serialization current = this.serialization;
        if (current == null) {
            current = SerializationExtension.get(this.system);
            this.serialization = current;
        }
        return current;
    }

    private ActorRefResolver resolver() {
        ActorRefResolver current = this.resolver;
        if (current == null) {
            current = ActorRefResolver.get(Adapter.toTyped(this.system));
            this.resolver = current;
        }
        return current;
    }
}
