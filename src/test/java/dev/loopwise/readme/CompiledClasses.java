package dev.loopwise.readme;

import dev.loopwise.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every class of the application, read from its compiled classes rather than from a list kept by hand, so that a
 * setting or an endpoint added tomorrow is checked too. Classes are loaded without running their static initialisers.
 */
final class CompiledClasses {
    private CompiledClasses() {
    }

    static List<Class<?>> all() throws Exception {
        Path root = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = CompiledClasses.class.getClassLoader();
        try (Stream<Path> files = Files.walk(root.resolve("dev/loopwise"))) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$$") && !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted().<Class<?>>map(name -> load(name, loader)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the compiled classes under " + root, e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
