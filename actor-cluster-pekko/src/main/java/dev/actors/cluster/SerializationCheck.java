package dev.actors.cluster;

import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;

/**
 * Checks at start-up that the message and reply types of every keyed actor can cross the wire as Jackson CBOR, so
 * that a type that cannot fails the start, named, instead of every remote call at run time.
 */
final class SerializationCheck {

    /** Pekko refuses to bind these to a serializer: they would let any class in. */
    private static final Set<Class<?>> TOO_GENERAL = Set.of(Object.class, Serializable.class, Comparable.class,
            java.io.Closeable.class, AutoCloseable.class, Runnable.class);

    private SerializationCheck() {
    }

    static void check(ActorSystem<?> system, Collection<ShardedKeyedActor<?, ?>> actors) {
        ObjectMapper mapper = JacksonObjectMapperProvider.get(Adapter.toClassic(system))
            .create("jackson-cbor", Optional.empty());
        for (ShardedKeyedActor<?, ?> actor : actors) {
            check(mapper, actor.name(), "message", actor.spec().messageType());
            check(mapper, actor.name(), "reply", actor.spec().replyType());
        }
    }

    private static void check(ObjectMapper mapper, String actorName, String role, Class<?> type) {
        if (PekkoConfig.BUILT_IN.contains(type) || type.isPrimitive()) {
            return;
        }
        if (TOO_GENERAL.contains(type)) {
            throw failure(actorName, role, type, "it is too general to bind to a serializer",
                    "declare a specific type: a record, or a sealed interface of records");
        }
        if (type.getTypeParameters().length > 0) {
            throw failure(actorName, role, type, "it is generic, and its type arguments are lost on the wire",
                    "wrap it in a record with typed fields, for example record Items(List<Item> items)");
        }
        checkConcrete(mapper, actorName, role, type, type);
    }

    private static void checkConcrete(ObjectMapper mapper, String actorName, String role, Class<?> declared,
            Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            // Pekko writes the concrete class in the manifest: each implementation must be readable. Only a sealed
            // type names them; the others are checked on first use.
            Class<?>[] permitted = type.getPermittedSubclasses();
            if (permitted != null) {
                for (Class<?> subtype : permitted) {
                    checkConcrete(mapper, actorName, role, declared, subtype);
                }
            }
            return;
        }
        if (type.isEnum() || type.isArray()) {
            return;
        }
        try {
            mapper.getSerializerProviderInstance().findValueSerializer(type);
            JavaType javaType = mapper.constructType(type);
            DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());
            JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(javaType);
            if (deserializer instanceof BeanDeserializerBase bean && !bean.getValueInstantiator().canInstantiate()) {
                throw failure(actorName, role, declared, describe(declared, type) + " has no constructor Jackson can "
                        + "use", "make it a record, or give it a no-argument constructor or a @JsonCreator one");
            }
        }
        catch (IllegalStateException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw failure(actorName, role, declared, describe(declared, type) + " is rejected by Jackson ("
                    + ex.getMessage() + ")", "make it a plain record of serializable fields");
        }
    }

    private static String describe(Class<?> declared, Class<?> type) {
        return (declared == type) ? "it" : "its implementation " + type.getName();
    }

    private static IllegalStateException failure(String actorName, String role, Class<?> type, String reason,
            String fix) {
        return new IllegalStateException("Keyed actor '" + actorName + "' cannot run on the cluster: its " + role
                + " type " + type.getName() + " cannot cross the wire as Jackson CBOR: " + reason + ". Fix: " + fix
                + ".");
    }
}
