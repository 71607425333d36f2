/**
 * Teleport-shaped roles, the role-file parser, claim-to-role mappings and the verified caller
 * ({@link dev.airlock.domain.role.Identity}). The only package that touches the YAML library.
 */
package dev.airlock.domain.role;
