package io.keepline.payments.pages;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The one-message page holders see for refused, expired, paid or unavailable links, and
 * the 303 that sends them on.
 */
final class Pages {

	private Pages() {
	}

	static ModelAndView message(HttpStatus status, String key, Map<String, Object> args, String actionUrl,
			String actionKey) {
		ModelAndView page = new ModelAndView("message", status);
		page.addObject("messageKey", key);
		page.addAllObjects(args);
		page.addObject("actionUrl", actionUrl);
		page.addObject("actionKey", actionKey);
		return page;
	}

	static ModelAndView message(HttpStatus status, String key) {
		return message(status, key, Map.of(), null, null);
	}

	/** A 303 to {@code url}: the browser follows it with a GET. */
	static ModelAndView redirect(String url) {
		RedirectView redirect = new RedirectView(url);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

}
