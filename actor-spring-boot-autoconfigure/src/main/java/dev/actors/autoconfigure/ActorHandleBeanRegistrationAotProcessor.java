package dev.actors.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.AccessControl;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragments;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.ResolvableType;
import org.springframework.javapoet.CodeBlock;


/**
 * Writes down a handle bean's {@code ActorHandle<M, R>} type ahead of time when {@code M} or {@code R} is not public,
 * as in {@code record Reserve(String sku)} next to its actor. The generated code of a handle bean lives in this
 * package, beside the factory method that makes it ({@link ActorWorkers#handle(String, String)}), where a class
 * literal of another package's package-private type does not compile: the type is named instead, and loaded when
 * the generated code runs. Framework's {@code HttpServiceProxyBeanRegistrationAotProcessor} customizes its generic
 * beans' code the same way.
 */
class ActorHandleBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

    @Override
    public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
        if (!ActorWorkerRegistrar.isHandleBean(registeredBean.getBeanName())) {
            return null;
        }
        ResolvableType handleType = registeredBean.getMergedBeanDefinition().getResolvableType();
        if (AccessControl.forResolvableType(handleType).isPublic()) {
            return null;
        }
        return BeanRegistrationAotContribution
            .withCustomCodeFragments((fragments) -> new NamedHandleTypeCodeFragments(fragments, handleType));
    }

    private static final class NamedHandleTypeCodeFragments extends BeanRegistrationCodeFragmentsDecorator {

        private final ResolvableType handleType;

        NamedHandleTypeCodeFragments(BeanRegistrationCodeFragments delegate, ResolvableType handleType) {
            super(delegate);
            this.handleType = handleType;
        }

        @Override
        public CodeBlock generateNewBeanDefinitionCode(GenerationContext generationContext, ResolvableType beanType,
                BeanRegistrationCode beanRegistrationCode) {
            // ActorHandle, or KeyedActorHandle for a keyed actor: both public, so the class literal compiles.
            Class<?> handleClass = this.handleType.toClass();
            CodeBlock.Builder code = CodeBlock.builder();
            code.add(super.generateNewBeanDefinitionCode(generationContext, ResolvableType.forClass(handleClass),
                    beanRegistrationCode));
            code.addStatement("$L.setTargetType($T.handleType($T.class, $S, $S))", BEAN_DEFINITION_VARIABLE,
                    ActorWorkerRegistrar.class, handleClass, this.handleType.getGeneric(0).toClass().getName(),
                    this.handleType.getGeneric(1).toClass().getName());
            // The named classes are loaded by name at run time (and so need a hint in a native image).
            generationContext.getRuntimeHints().reflection().registerType(this.handleType.getGeneric(0).toClass());
            generationContext.getRuntimeHints().reflection().registerType(this.handleType.getGeneric(1).toClass());
            return code.build();
        }
    }
}
