package org.babillard.presentation.faces;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the methods the pages name with arguments ({@code #{clocks.since(post.createdAt)}}) through a method found
 * once per class, name and number of arguments. The standard bean resolver looks the method up again at each call,
 * copying every public method of the class (hundreds on a CDI proxy): on the home page, about twenty such calls a post
 * took a sixth of the server's time (docs/benchmarks.md). A method this resolver does not take (overloaded for that
 * number of arguments, variable arguments, typed call sites, a class that is not public) goes on to the standard
 * resolver, which keeps its own rules for them; so does every property read.
 */
public class BeanMethods extends ELResolver {

    /** Per class, per "name/arguments": the one method to call, or empty where the standard resolver decides. */
    private static final ClassValue<Map<String, Optional<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || !(method instanceof String name) || paramTypes != null || params == null || params.length == 0) {
            return null;
        }
        Class<?> type = base.getClass();
        Optional<Method> found = METHODS.get(type).computeIfAbsent(name + "/" + params.length, key -> single(type, name, params.length));
        if (found.isEmpty()) {
            return null;
        }
        Method target = found.get();
        Class<?>[] types = target.getParameterTypes();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            // (an argument of the parameter's type as it is: the resolvers' coercion costs more than the call)
            args[i] = params[i] != null && boxed(types[i]).isInstance(params[i]) ? params[i] : context.convertToType(params[i], types[i]);
        }
        try {
            Object result = target.invoke(base, args);
            context.setPropertyResolved(base, method);
            return result;
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == long.class ? Long.class : type == int.class ? Integer.class : type == boolean.class ? Boolean.class
                : type == double.class ? Double.class : type == char.class ? Character.class : type == short.class ? Short.class
                : type == byte.class ? Byte.class : type == float.class ? Float.class : Void.class;
    }

    private static Optional<Method> single(Class<?> type, String name, int arity) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return Optional.empty();
        }
        Method only = null;
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(name) && candidate.getParameterCount() == arity) {
                if (only != null || candidate.isVarArgs() || !Modifier.isPublic(candidate.getDeclaringClass().getModifiers())) {
                    return Optional.empty();
                }
                only = candidate;
            }
        }
        return Optional.ofNullable(only);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // properties are the standard resolvers' business
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
