package org.babillard.presentation.faces;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolver behind the pages' method calls, on the Expression Language implementation WildFly runs (Expressly). */
class BeanMethodsTest {

    /** A page bean as the pages call it: one method per name, an overloaded one, one that fails. */
    public static class Page {
        final List<String> calls = new ArrayList<>();

        public String since(long minutes, String unit) {
            calls.add("since");
            return minutes + " " + unit;
        }

        public boolean isGone(Long id) {
            return id != null && id == 7L;
        }

        public String pick(String text) {
            return "text " + text;
        }

        public String pick(Integer number) {
            return "number " + number;
        }

        public String fail(String why) {
            throw new IllegalStateException(why);
        }
    }

    static class Hidden {
        public String name(String who) {
            return who;
        }
    }

    private ELProcessor el;
    private Page page;

    @BeforeEach
    void setUp() {
        el = new ELProcessor();
        el.getELManager().addELResolver(new BeanMethods());
        page = new Page();
        el.defineBean("page", page);
    }

    @Test
    void callsTheMethodWithItsArgumentsCoercedAsTheStandardResolverWould() {
        assertEquals("3 min", el.eval("page.since(3, 'min')"));
        assertEquals("12 h", el.eval("page.since('12', 'h')"), "a text argument becomes the long the method takes");
        assertEquals("0 d", el.eval("page.since(null, 'd')"), "null becomes 0 for a primitive, as EL coerces it");
        assertTrue((Boolean) el.eval("page.isGone(7)"));
        assertFalse((Boolean) el.eval("page.isGone(8)"));
        assertEquals(List.of("since", "since", "since"), page.calls);
    }

    @Test
    void resolvesTheCallItselfAndLeavesOverloadsAndHiddenClassesToTheStandardResolver() {
        ELContext context = el.getELManager().getELContext();
        BeanMethods methods = new BeanMethods();

        context.setPropertyResolved(false);
        assertEquals("5 s", methods.invoke(context, page, "since", null, new Object[]{5L, "s"}));
        assertTrue(context.isPropertyResolved());

        context.setPropertyResolved(false);
        assertNull(methods.invoke(context, page, "pick", null, new Object[]{"x"}));
        assertFalse(context.isPropertyResolved(), "two methods named pick take one argument: not this resolver's choice");
        assertEquals("text x", el.eval("page.pick('x')"), "the standard resolver still calls it");

        context.setPropertyResolved(false);
        assertNull(methods.invoke(context, new Hidden(), "name", null, new Object[]{"x"}));
        assertFalse(context.isPropertyResolved(), "a class that is not public");

        context.setPropertyResolved(false);
        assertNull(methods.invoke(context, page, "since", new Class<?>[]{long.class, String.class}, new Object[]{5L, "s"}));
        assertFalse(context.isPropertyResolved(), "a call site that names its types");

        context.setPropertyResolved(false);
        assertNull(methods.invoke(context, page, "nothing", null, new Object[]{"x"}));
        assertFalse(context.isPropertyResolved(), "no such method");
    }

    @Test
    void aFailingMethodFailsTheExpressionWithItsOwnException() {
        ELException failure = assertThrows(ELException.class, () -> el.eval("page.fail('broken')"));
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(IllegalStateException.class, cause);
        assertEquals("broken", cause.getMessage());
    }
}
