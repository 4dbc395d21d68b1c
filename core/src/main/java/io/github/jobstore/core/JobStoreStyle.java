package io.github.jobstore.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every jobstore value type: the abstract type is the public face, its
 * generated implementation stays package-private, and validation lives in one {@code @Value.Check}
 * per type that reports every violation as a {@link ValidationException}. Generated classes carry
 * no {@code @Generated}: Immutables is compile-time only, and code compiled against this jar
 * without it must be warned of nothing.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true),
    validationMethod = Value.Style.ValidationMethod.NONE,
    optionalAcceptNullable = false,
    get = {"get*", "*"},
    allowedClasspathAnnotations = {Override.class})
@interface JobStoreStyle {}
