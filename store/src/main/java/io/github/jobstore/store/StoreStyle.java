package io.github.jobstore.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the store's value types ({@link JobQuery}): the abstract type is the
 * public face and its generated implementation stays package-private. A meta-annotation rather than
 * {@code @Value.Style} on the package or the class, and no {@code @Generated} on generated classes,
 * so that code compiled against this jar without Immutables is warned of nothing.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class})
@interface StoreStyle {}
