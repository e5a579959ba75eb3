/**
 * A toy implementation of the Isolated Nonvolatile Storage driver ({@link example.toystorage.ToyStorageDriver})
 * and its adapter to invs ({@link example.toystorage.ToySystem}): what a Java implementer writes to check
 * an implementation with the conformance contract (the test {@code ToyConformanceTest}).
 */
package example.toystorage;
