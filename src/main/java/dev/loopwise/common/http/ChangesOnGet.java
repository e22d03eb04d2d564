package dev.loopwise.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A GET that changes what is stored (the next review item is leased to the caller, and items may be made for it). JAX-RS
 * answers HEAD by running the GET, so a HEAD, which HTTP says has no effect and which link checkers, proxies and
 * monitors send freely, would take an item out of the queue for nobody: it is refused with 405 here ({@link HeadWithoutEffect}),
 * and the address's Allow header names GET alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChangesOnGet {
}
