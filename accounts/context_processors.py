from accounts.navigation import menu_for
from core import access


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        **menu_for(user, request.path),
        "role": access.role_of(user),
        "role_label": user.get_role_display() if not user.is_superuser else "Администратор",
    }
