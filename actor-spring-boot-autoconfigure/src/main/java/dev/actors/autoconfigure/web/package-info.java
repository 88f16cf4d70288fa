/**
 * Spring MVC: the actors' exceptions as HTTP responses (503 with Retry-After, 504, ...).
 */
@NullMarked
package dev.actors.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
